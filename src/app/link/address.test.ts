/**
 * The address layer's reading and writing (address.ts): every setting of
 * the table survives a round trip, defaults stay out of the link, and
 * whatever an address asks for in vain becomes a notice, not silence.
 */
import { describe, expect, it } from 'vitest';
import type { RunSettings, SettingField } from '../../shared/settings.ts';
import { FIELDS, PRESET } from '../../shared/settings.ts';
import { RACE_PRESET } from '../components/race/parseRates.ts';
import { PANEL_IDS } from '../panels.ts';
import { type LinkDefaults, type LinkState, readAddress, writeAddress } from './address.ts';
import { DEFAULT_VALIDATION_SIZE } from './pageParams.ts';

const DEFAULTS: LinkDefaults = {
  settings: PRESET,
  compare: ['opt=sgd', 'opt=adam lr=0.001'],
  race: { rates: RACE_PRESET, momenta: [] },
  language: 'en',
};

const AT_REST: LinkState = {
  settings: PRESET,
  compare: DEFAULTS.compare,
  race: DEFAULTS.race,
  language: 'en',
  present: false,
  hidden: { panels: [], fields: [] },
  page: { validationSize: DEFAULT_VALIDATION_SIZE, faults: false },
};

/** A valid value of `f` other than the notebook's. */
function otherValue(f: SettingField): RunSettings[keyof RunSettings] {
  const preset = PRESET[f.key];
  switch (f.kind) {
    case 'number': {
      // Not a round number: the link must carry every digit.
      const v = f.integer ? f.min + 3 : f.min + (f.max - f.min) * 0.3137;
      return v === preset ? f.max : v;
    }
    case 'choice':
      return f.choices.find((c) => c !== preset)!;
    case 'toggle':
      return !preset;
    case 'layers':
      return [512, 7, 3];
  }
}

const write = (change: Partial<LinkState>) => writeAddress({ ...AT_REST, ...change }, DEFAULTS);

describe('writing the address', () => {
  it('is empty for the notebook’s settings and the page’s defaults: the default link is the bare address', () => {
    expect(write({})).toBe('');
  });

  it.each(FIELDS.map((f) => [f.url, f] as const))('round-trips %s, and writes that setting alone', (url, f) => {
    const settings = { ...PRESET, [f.key]: otherValue(f) } as RunSettings;
    const search = write({ settings });
    expect(search.startsWith(`?${url}=`), search).toBe(true);
    expect(search.split('&')).toHaveLength(1);
    const read = readAddress(search, PRESET);
    expect(read.notices).toEqual([]);
    expect(read.settings).toEqual({ [f.key]: settings[f.key] });
  });

  it('round-trips every setting changed at once', () => {
    const settings = Object.fromEntries(FIELDS.map((f) => [f.key, otherValue(f)])) as unknown as RunSettings;
    const read = readAddress(write({ settings }), PRESET);
    expect(read.notices).toEqual([]);
    expect({ ...PRESET, ...read.settings }).toEqual(settings);
  });

  it('writes decimals with a point and layer widths with dashes, readable as written', () => {
    expect(write({ settings: { ...PRESET, learningRate: 0.05, momentum: 0.9, epsilon: 1e-7, hiddenLayers: [512, 256] } })).toBe(
      '?lr=0.05&mom=0.9&eps=1e-7&layers=512-256',
    );
    expect(readAddress('?layers=none', PRESET).settings).toEqual({ hiddenLayers: [] });
    expect(readAddress('?layers=256,128', PRESET).settings).toEqual({ hiddenLayers: [256, 128] });
  });

  it('leaves out a setting equal to the page’s own default (trainLimit makes that the training-set size)', () => {
    const base = { ...PRESET, trainSize: 2000 };
    expect(writeAddress({ ...AT_REST, settings: base, page: { ...AT_REST.page, trainLimit: 2000 } }, { ...DEFAULTS, settings: base })).toBe('?trainLimit=2000');
  });

  it('carries the comparison line by line, readably, and an emptied one as such', () => {
    const compare = ['opt=adam lr=0.001 layers=512-256', 'drop=0.5'];
    const search = write({ compare });
    expect(search).toBe('?cmp=opt=adam+lr=0.001+layers=512-256&cmp=drop=0.5');
    expect(readAddress(search, PRESET).compare).toEqual(compare);
    expect(readAddress(write({ compare: [] }), PRESET).compare).toEqual([]);
    expect(readAddress('', PRESET).compare).toBeUndefined();
  });

  it('escapes what would break the query, and reads it back', () => {
    const compare = ['lr=1e+3 & #x %20'];
    expect(readAddress(write({ compare }), PRESET).compare).toEqual(compare);
  });

  it('carries the race’s lists as values with a point', () => {
    const search = write({ race: { rates: [0.005, 0.05, 0.5], momenta: [0, 0.9, 0.5] } });
    expect(search).toBe('?race=0.005,0.05,0.5&racemom=0,0.9,0.5');
    expect(readAddress(search, PRESET).race).toEqual({ rates: [0.005, 0.05, 0.5], momenta: [0, 0.9, 0.5] });
  });

  it('carries the language when it is not the default one, present mode, what is hidden and the page options', () => {
    const search = write({
      language: 'pt-BR',
      present: true,
      hidden: { panels: ['race', 'history'], fields: ['momentum'] },
      page: { trainLimit: 5000, backend: 'wasm', validationSize: 2000, faults: true },
    });
    expect(search).toBe('?hide=race,history,mom&present=1&lang=pt-BR&trainLimit=5000&backend=wasm&validation=2000&faults=1');
    // The SIMD engine and a comparison's threads, in a link as the address wrote them.
    const simd = write({ page: { backend: 'simd', threads: 2, validationSize: 10_000, faults: false } });
    expect(simd).toBe('?backend=simd&threads=2');
    expect(readAddress(simd, PRESET)).toMatchObject({ page: { backend: 'simd', threads: 2 }, notices: [] });
    const read = readAddress(search, PRESET);
    expect(read).toMatchObject({
      language: 'pt-BR',
      present: true,
      hidden: { panels: ['race', 'history'], fields: ['momentum'] },
      page: { trainLimit: 5000, backend: 'wasm', validationSize: 2000, faults: true },
      notices: [],
    });
    expect(write({ language: 'en' })).toBe('');
  });
});

describe('reading the address', () => {
  it('reads what it names and only that, with no notice', () => {
    const read = readAddress('?lr=0.1&epochs=1&seed=7&backend=cpu', PRESET);
    expect(read.settings).toEqual({ learningRate: 0.1, epochs: 1, seed: 7 });
    expect(read.page.backend).toBe('cpu');
    expect(read.notices).toEqual([]);
    expect(read.present).toBeUndefined();
    expect(read.language).toBeUndefined();
  });

  it('accepts a setting’s key as well as its link name, and names in any case', () => {
    expect(readAddress('?learningRate=0.2&TRAINLIMIT=3000', PRESET)).toMatchObject({ settings: { learningRate: 0.2 }, page: { trainLimit: 3000 } });
  });

  it('refuses a bad setting with the table’s own problem and the value it keeps', () => {
    const read = readAddress('?lr=abc&epochs=0', { ...PRESET, epochs: 3 });
    expect(read.settings).toEqual({});
    expect(read.notices).toEqual([
      { code: 'setting', option: 'lr', value: 'abc', key: 'learningRate', problem: { code: 'notNumber', example: 0.01 }, used: 0.01 },
      { code: 'setting', option: 'epochs', value: '0', key: 'epochs', problem: { code: 'belowMin', min: 1, max: 100 }, used: 3 },
    ]);
  });

  it('reads decimals with a point only, whatever the page’s language: a comma is a notice', () => {
    const read = readAddress('?lr=0,05', PRESET);
    expect(read.settings).toEqual({});
    expect(read.notices[0]).toMatchObject({ code: 'setting', option: 'lr', problem: { code: 'decimalComma', value: 0.05 } });
  });

  it('names unknown options, repeated ones, and bad page options, in the address’s order', () => {
    const read = readAddress('?foo=1&backend=foo&lr=0.1&lr=0.2&trainLimit=12&threads=4&validation=1.5&lang=fr&present=maybe&faults=yes', PRESET);
    expect(read.settings).toEqual({ learningRate: 0.1 });
    expect(read.page).toEqual({ validationSize: DEFAULT_VALIDATION_SIZE, faults: false });
    expect(read.notices).toEqual([
      { code: 'unknown', option: 'foo', value: '1' },
      { code: 'choice', option: 'backend', value: 'foo', choices: ['simd', 'webgl', 'wasm', 'cpu'] },
      { code: 'repeated', option: 'lr', value: '0.2' },
      { code: 'range', option: 'trainLimit', value: '12', min: 64, max: 60_000 },
      { code: 'range', option: 'threads', value: '4', min: 1, max: 2 },
      { code: 'range', option: 'validation', value: '1.5', min: 100, max: 30_000 },
      { code: 'choice', option: 'lang', value: 'fr', choices: ['en', 'pt-BR'] },
      { code: 'flag', option: 'present', value: 'maybe' },
      { code: 'flag', option: 'faults', value: 'yes' },
    ]);
  });

  it('reads present and faults as flags: 1, true or bare on; 0 or false off', () => {
    expect(readAddress('?present', PRESET).present).toBe(true);
    expect(readAddress('?present=true', PRESET).present).toBe(true);
    expect(readAddress('?present=0', PRESET).present).toBe(false);
    expect(readAddress('?faults=1', PRESET).page.faults).toBe(true);
  });

  it('reads lang loosely (pt, pt-br) as the page’s languages', () => {
    expect(readAddress('?lang=pt', PRESET).language).toBe('pt-BR');
    expect(readAddress('?lang=en-GB', PRESET).language).toBe('en');
  });

  it('refuses a race list as the race form would, naming the problem', () => {
    const read = readAddress('?race=0.1&racemom=0.9,2', PRESET);
    expect(read.race).toEqual({});
    expect(read.notices).toEqual([
      { code: 'raceList', option: 'race', value: '0.1', problem: { code: 'tooFew', min: 2 } },
      {
        code: 'raceList',
        option: 'racemom',
        value: '0.9,2',
        problem: { code: 'items', key: 'momentum', items: [{ item: '2', problem: { code: 'aboveMax', min: 0, max: 0.99 } }] },
      },
    ]);
  });

  it('names every unknown name in hide=', () => {
    const read = readAddress('?hide=race,nope,lr', PRESET);
    expect(read.hidden).toEqual({ panels: ['race'], fields: ['learningRate'] });
    expect(read.notices).toEqual([{ code: 'hideName', option: 'hide', value: 'race,nope,lr', name: 'nope' }]);
  });

  it('keeps panel ids and settings’ link names apart, so hide= cannot mean both', () => {
    for (const f of FIELDS) expect(PANEL_IDS as readonly string[]).not.toContain(f.url.toLowerCase());
  });
});
