/**
 * The page address as a description of the lab, like TensorFlow
 * Playground's: every setting of the table by its link name (`lr=0.05`),
 * the comparison's runs (`cmp=`, one per run), the race's lists (`race=`,
 * `racemom=`), the language (`lang=`), present mode (`present=1`), what an
 * instructor hides (`hide=`, `show=`: hide.ts) and the page options
 * (pageParams.ts). Pure: it reads and writes query strings; sync.ts connects
 * it to the store. Driven by the settings table, so a new row is in the
 * link with no change here.
 *
 * Numbers use the decimal point in every language, so a link reads the same
 * in English and Portuguese. Only what differs from the page's defaults is
 * written, so the notebook's link is the bare address. Whatever the address
 * asks for that the page cannot do is reported (notices.ts), never dropped
 * in silence.
 */
import type { Language } from '../../i18n/languages.ts';
import { matchLanguage } from '../../i18n/languages.ts';
import type { RunSettings, SettingField, SettingKey } from '../../shared/settings.ts';
import { FIELDS, differingKeys, field, parseField, parseNumberField, settingText } from '../../shared/settings.ts';
import { type ListProblem, parseRates, splitList } from '../components/race/parseRates.ts';
import { type Hidden, readHidden, writeHidden } from './hide.ts';
import type { LinkNotice } from './notices.ts';
import { PAGE_PARAMS, type PageOptions, readFlag, readPageParams, writePageParams } from './pageParams.ts';

/** The race's two lists as values: learning rates, and a momentum per run (empty: the settings' momentum for all). */
export interface RaceLists {
  rates: readonly number[];
  momenta: readonly number[];
}

/** Everything a link can carry. */
export interface LinkState {
  settings: RunSettings;
  /** The comparison's runs, one line each, as typed (`opt=adam lr=0.001`). */
  compare: readonly string[];
  race: RaceLists;
  language: Language;
  present: boolean;
  hidden: Hidden;
  page: PageOptions;
}

/** What the page shows when the address says nothing: a link leaves these out. */
export interface LinkDefaults {
  settings: RunSettings;
  compare: readonly string[];
  race: RaceLists;
  /** A link names the language only when it is not this one. */
  language: Language;
}

/** What an address asks for: only what it names, and a notice for everything it named in vain. */
export interface ReadLink {
  settings: Partial<RunSettings>;
  compare?: string[];
  race: Partial<RaceLists>;
  language?: Language;
  present?: boolean;
  hidden: Hidden;
  page: PageOptions;
  notices: LinkNotice[];
}

/** A setting's value as a link writes it: the decimal point, layer widths joined by dashes (`layers=512-256`, `layers=none`). */
export function linkValue(f: SettingField, value: RunSettings[SettingKey]): string {
  if (f.kind === 'layers' && Array.isArray(value)) return value.length ? value.join('-') : 'none';
  return settingText(value);
}

function readSetting(f: SettingField, text: string) {
  return parseField(f, f.kind === 'layers' ? text.replace(/-/g, ',') : text);
}

const SETTING_NAMES = new Map<string, SettingField>();
for (const f of FIELDS) {
  SETTING_NAMES.set(f.url.toLowerCase(), f);
  SETTING_NAMES.set(f.key.toLowerCase(), f);
}

/** The link's own names beside the settings' (read case-insensitively: `trainlimit` is `trainLimit`). */
const OTHER_NAMES = ['cmp', 'race', 'racemom', 'lang', 'present', 'hide', 'show', ...PAGE_PARAMS];
const OTHER_BY_LOWER = new Map(OTHER_NAMES.map((n) => [n.toLowerCase(), n]));

/** Every name a link may use, for the notice about one it may not. */
export const LINK_NAMES: readonly string[] = [...FIELDS.map((f) => f.url), ...OTHER_NAMES];

/**
 * The address's query (`?lr=0.05&hide=race`) read against the settings the
 * page would start with (`base`, the value a refused setting keeps).
 */
export function readAddress(search: string, base: RunSettings): ReadLink {
  const notices: LinkNotice[] = [];
  const first = new Map<string, string>();
  const compare: string[] = [];
  let hasCompare = false;
  const settingValues = new Map<SettingKey, { option: string; value: string }>();

  for (const [rawName, value] of new URLSearchParams(search)) {
    if (rawName === '') continue;
    const f = SETTING_NAMES.get(rawName.toLowerCase());
    const name = f ? f.key : OTHER_BY_LOWER.get(rawName.toLowerCase());
    if (name === undefined) {
      notices.push({ code: 'unknown', option: rawName, value });
    } else if (name === 'cmp') {
      hasCompare = true;
      compare.push(...value.split('\n'));
    } else if (first.has(name) || (f && settingValues.has(f.key))) {
      notices.push({ code: 'repeated', option: rawName, value });
    } else if (f) {
      settingValues.set(f.key, { option: rawName, value });
    } else {
      first.set(name, value);
    }
  }

  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const f of FIELDS) {
    const given = settingValues.get(f.key);
    if (!given) continue;
    const r = readSetting(f, given.value);
    if (r.ok) settings[f.key] = r.value;
    else notices.push({ code: 'setting', option: given.option, value: given.value, key: f.key, problem: r.problem, used: base[f.key] });
  }

  const get = (n: string) => first.get(n);
  const page = readPageParams(get);
  notices.push(...page.notices);
  const hidden = readHidden(get('hide'), get('show'));
  notices.push(...hidden.notices);
  const out: ReadLink = { settings: settings as Partial<RunSettings>, race: readRace(get, notices), hidden: hidden.hidden, page: page.page, notices };
  if (hasCompare) out.compare = compare.map((l) => l.trim()).filter((l) => l !== '');

  const lang = get('lang');
  if (lang !== undefined) {
    const l = matchLanguage(lang);
    if (l) out.language = l;
    else notices.push({ code: 'choice', option: 'lang', value: lang, choices: ['en', 'pt-BR'] });
  }
  const present = get('present');
  if (present !== undefined) {
    const on = readFlag(present);
    if (on === null) notices.push({ code: 'flag', option: 'present', value: present });
    else out.present = on;
  }
  // Notices in the order the address gives the options, so the first one written is the first one read.
  const order = [...new URLSearchParams(search).keys()].map((k) => k.toLowerCase());
  notices.sort((a, b) => order.indexOf(a.option.toLowerCase()) - order.indexOf(b.option.toLowerCase()));
  return out;
}

/** `race=` through the race form's own rules (2 to 6 rates, each a valid learning rate); `racemom=` item by item. */
function readRace(get: (n: string) => string | undefined, notices: LinkNotice[]): Partial<RaceLists> {
  const race: { rates?: number[]; momenta?: number[] } = {};
  const rates = get('race');
  if (rates !== undefined) {
    const r = parseRates(rates);
    if (r.ok) race.rates = r.value;
    else notices.push({ code: 'raceList', option: 'race', value: rates, problem: r.problem });
  }
  const momenta = get('racemom');
  if (momenta !== undefined) {
    const momentum = field('momentum');
    const values: number[] = [];
    const bad: Extract<ListProblem, { code: 'items' }>['items'] = [];
    for (const item of splitList(momenta)) {
      const r = parseNumberField(momentum, item);
      if (r.ok) values.push(r.value);
      else bad.push({ item, problem: r.problem });
    }
    if (bad.length) notices.push({ code: 'raceList', option: 'racemom', value: momenta, problem: { code: 'items', key: 'momentum', items: bad } });
    else race.momenta = values;
  }
  return race;
}

/**
 * Characters left as they are in a written value, for a link a person can
 * read: `cmp=opt=adam+lr=0.001`, `hide=race,history`. URLSearchParams reads
 * them back as they were; `&`, `#`, `+` and `%` stay escaped.
 */
function encodeValue(v: string): string {
  return encodeURIComponent(v)
    .replace(/%20/g, '+')
    .replace(/%3D|%2C|%3A/gi, (m) => decodeURIComponent(m));
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The query for `state` ('' when everything is the default, else `?lr=0.05&…`), in a fixed order: settings in table order first. */
export function writeAddress(state: LinkState, defaults: LinkDefaults): string {
  const params: [string, string][] = [];
  const changed = new Set(differingKeys(defaults.settings, state.settings));
  for (const f of FIELDS) if (changed.has(f.key)) params.push([f.url, linkValue(f, state.settings[f.key])]);
  // One `cmp` per run; an emptied comparison is one empty `cmp`, so that it does not read back as the default.
  if (!sameList(state.compare, defaults.compare)) for (const line of state.compare.length ? state.compare : ['']) params.push(['cmp', line]);
  if (!sameList(state.race.rates, defaults.race.rates)) params.push(['race', state.race.rates.map(String).join(',')]);
  if (!sameList(state.race.momenta, defaults.race.momenta)) params.push(['racemom', state.race.momenta.map(String).join(',')]);
  const { hide, show } = writeHidden(state.hidden);
  if (hide.length) params.push(['hide', hide.join(',')]);
  if (show.length) params.push(['show', show.join(',')]);
  if (state.present) params.push(['present', '1']);
  if (state.language !== defaults.language) params.push(['lang', state.language]);
  params.push(...writePageParams(state.page));
  return params.length ? `?${params.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&')}` : '';
}
