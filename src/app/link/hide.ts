/**
 * What an instructor's link hides: `hide=` names panels (panels.ts) and
 * settings (their link names, `lr`, `mom`), `show=` names the only ones left
 * visible of each kind it names. So `show=lr` leaves the learning rate as the
 * one setting to play with (every panel stays), `show=lr,loss,training`
 * also keeps only those two panels, and `hide=race,history` drops two panels
 * and no setting. A hidden setting still applies with its value (from the
 * link, or the notebook's): it is only not offered in the form.
 */
import type { SettingKey } from '../../shared/settings.ts';
import { FIELDS } from '../../shared/settings.ts';
import { PANEL_IDS, type PanelId, isPanelId } from '../panels.ts';
import type { LinkNotice } from './notices.ts';

export interface Hidden {
  panels: readonly PanelId[];
  fields: readonly SettingKey[];
}

/** A setting by its link name (`lr`) or its key (`learningRate`), in any case. */
function settingNamed(name: string): SettingKey | undefined {
  const n = name.toLowerCase();
  return FIELDS.find((f) => f.url.toLowerCase() === n || f.key.toLowerCase() === n)?.key;
}

function splitNames(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `hide=` and `show=` (either may be absent) as what is hidden, in table and panel order; every unknown name gets a notice. */
export function readHidden(hide: string | undefined, show: string | undefined): { hidden: Hidden; notices: LinkNotice[] } {
  const notices: LinkNotice[] = [];
  const panels = new Set<PanelId>();
  const fields = new Set<SettingKey>();
  const named = (option: string, value: string | undefined) => {
    const out = { panels: new Set<PanelId>(), fields: new Set<SettingKey>() };
    for (const name of splitNames(value ?? '')) {
      const lower = name.toLowerCase();
      const key = settingNamed(name);
      if (isPanelId(lower)) out.panels.add(lower);
      else if (key) out.fields.add(key);
      else notices.push({ code: 'hideName', option, value: value ?? '', name });
    }
    return out;
  };
  const h = named('hide', hide);
  for (const p of h.panels) panels.add(p);
  for (const k of h.fields) fields.add(k);
  const s = named('show', show);
  if (s.panels.size) for (const p of PANEL_IDS) if (!s.panels.has(p)) panels.add(p);
  if (s.fields.size) for (const f of FIELDS) if (!s.fields.has(f.key)) fields.add(f.key);
  return {
    hidden: { panels: PANEL_IDS.filter((p) => panels.has(p)), fields: FIELDS.filter((f) => fields.has(f.key)).map((f) => f.key) },
    notices,
  };
}

/**
 * `hide=` and `show=` for what is hidden, each kind written the shorter way:
 * 19 settings hidden of 20 is `show=lr`, 2 is `hide=mom,epochs`.
 */
export function writeHidden({ panels, fields }: Hidden): { hide: string[]; show: string[] } {
  const hide: string[] = [];
  const show: string[] = [];
  const shownPanels = PANEL_IDS.filter((p) => !panels.includes(p));
  if (panels.length > 0 && shownPanels.length > 0 && shownPanels.length < panels.length) show.push(...shownPanels);
  else hide.push(...PANEL_IDS.filter((p) => panels.includes(p)));
  const shownFields = FIELDS.filter((f) => !fields.includes(f.key));
  if (fields.length > 0 && shownFields.length > 0 && shownFields.length < fields.length) show.push(...shownFields.map((f) => f.url));
  else hide.push(...FIELDS.filter((f) => fields.includes(f.key)).map((f) => f.url));
  return { hide, show };
}
