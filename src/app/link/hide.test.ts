/** `hide=` and `show=` (hide.ts): what an instructor's link hides, read and written back the short way. */
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../shared/settings.ts';
import { PANEL_IDS } from '../panels.ts';
import { readHidden, writeHidden } from './hide.ts';

const allFieldsBut = (...keep: string[]) => FIELDS.filter((f) => !keep.includes(f.key)).map((f) => f.key);

describe('hide= and show=', () => {
  it('hides the named panels and settings, by link name or key, in any case and with any separator', () => {
    expect(readHidden('Race history;mom,learningRate', undefined)).toEqual({
      hidden: { panels: ['race', 'history'], fields: ['learningRate', 'momentum'] },
      notices: [],
    });
  });

  it('show=lr leaves the learning rate as the one setting, and every panel', () => {
    expect(readHidden(undefined, 'lr').hidden).toEqual({ panels: [], fields: allFieldsBut('learningRate') });
  });

  it('show= naming panels too keeps only those panels', () => {
    expect(readHidden(undefined, 'lr,loss,training').hidden.panels).toEqual(PANEL_IDS.filter((p) => p !== 'loss' && p !== 'training'));
  });

  it('hide= and show= add up', () => {
    expect(readHidden('race', 'lr,mom').hidden).toEqual({ panels: ['race'], fields: allFieldsBut('learningRate', 'momentum') });
  });

  it('names what is neither a panel nor a setting, and hides the rest', () => {
    const r = readHidden('race,charts', 'lr,speed');
    expect(r.hidden).toEqual({ panels: ['race'], fields: allFieldsBut('learningRate') });
    expect(r.notices).toEqual([
      { code: 'hideName', option: 'hide', value: 'race,charts', name: 'charts' },
      { code: 'hideName', option: 'show', value: 'lr,speed', name: 'speed' },
    ]);
  });

  it('writes each kind the shorter way, and reads back what it wrote', () => {
    const cases = [
      { panels: [], fields: [] },
      { panels: ['race' as const], fields: ['momentum' as const, 'epochs' as const] },
      { panels: [], fields: allFieldsBut('learningRate') },
      { panels: PANEL_IDS.filter((p) => p !== 'loss'), fields: allFieldsBut('learningRate', 'seed') },
      { panels: [...PANEL_IDS], fields: FIELDS.map((f) => f.key) },
    ];
    for (const hidden of cases) {
      const { hide, show } = writeHidden(hidden);
      expect(readHidden(hide.join(',') || undefined, show.join(',') || undefined).hidden).toEqual(hidden);
    }
    expect(writeHidden({ panels: [], fields: allFieldsBut('learningRate') })).toEqual({ hide: [], show: ['lr'] });
    expect(writeHidden({ panels: ['race'], fields: ['momentum'] })).toEqual({ hide: ['race', 'mom'], show: [] });
  });
});
