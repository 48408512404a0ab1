/**
 * The address and the store together (sync.ts), with the browser's
 * location and history stood in for: a link sets the lab up, and the
 * address follows the lab, at most once a second.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { FIELDS } from '../../shared/settings.ts';
import { useLab } from '../store/index.ts';
import { currentLink, startAddressSync } from './sync.ts';

const fakeLocation = { origin: 'http://lab.test', pathname: '/lab/', hash: '', search: '' };
const replaced: string[] = [];
const fakeHistory = {
  state: null,
  replaceState(_state: unknown, _title: string, url: string) {
    replaced.push(url);
    fakeLocation.search = new URL(url, fakeLocation.origin).search;
  },
};

beforeAll(() => {
  vi.useFakeTimers();
  vi.stubGlobal('location', fakeLocation);
  vi.stubGlobal('history', fakeHistory);
  fakeLocation.search = '?lr=0.05&epochs=1&show=lr&hide=race&cmp=drop=0&cmp=drop=0.5&race=0.1,0.2&bogus=1&trainLimit=2000';
  startAddressSync();
});

afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

describe('the address and the store', () => {
  it('sets the lab up from the link, and names what it could not use', () => {
    const s = useLab.getState();
    expect(s.settings).toMatchObject({ learningRate: 0.05, epochs: 1, trainSize: 2000 });
    expect(s.hiddenPanels).toEqual(['race']);
    expect(s.hiddenFields).toEqual(FIELDS.filter((f) => f.key !== 'learningRate').map((f) => f.key));
    expect(s.compareText).toBe('drop=0\ndrop=0.5');
    expect(s.raceRatesText).toBe('0.1, 0.2');
    expect(s.linkNotices).toEqual([{ code: 'unknown', option: 'bogus', value: '1' }]);
  });

  it('rewrites the address in its own words at once: what it could not use is gone', () => {
    expect(replaced).toEqual(['/lab/?lr=0.05&epochs=1&cmp=drop=0&cmp=drop=0.5&race=0.1,0.2&hide=race&show=lr&trainLimit=2000']);
  });

  it('follows the form at most once a second, ending on the last value', () => {
    replaced.length = 0;
    vi.advanceTimersByTime(5000);
    for (const lr of ['0.', '0.3', '0.4', '0.5']) useLab.getState().setField('learningRate', lr);
    vi.advanceTimersByTime(999);
    expect(replaced.length).toBeLessThanOrEqual(1);
    vi.advanceTimersByTime(1);
    expect(replaced.at(-1)).toMatch(/^\/lab\/\?lr=0\.5&/);
    expect(replaced.length).toBeLessThanOrEqual(2);
  });

  it('keeps the last good value while a field is half-typed', () => {
    useLab.getState().setField('learningRate', '0.');
    vi.advanceTimersByTime(2000);
    expect(fakeLocation.search).toMatch(/^\?lr=0\.5&/);
  });

  it('gives Copy link the lab as it is now, without waiting for the throttle', () => {
    useLab.getState().setField('learningRate', '0.07');
    expect(currentLink()).toBe('http://lab.test/lab/?lr=0.07&epochs=1&cmp=drop=0&cmp=drop=0.5&race=0.1,0.2&hide=race&show=lr&trainLimit=2000');
    expect(fakeLocation.search, 'the address bar catches up at once').toBe(
      '?lr=0.07&epochs=1&cmp=drop=0&cmp=drop=0.5&race=0.1,0.2&hide=race&show=lr&trainLimit=2000',
    );
  });

  it('Reset to the notebook’s settings keeps what the link set in hidden fields', () => {
    useLab.getState().resetSettings();
    expect(useLab.getState().settings).toMatchObject({ learningRate: 0.01, epochs: 1 });
    useLab.getState().setField('learningRate', '0.07');
  });

  it('writes the language, and still a point for decimals, in Portuguese; the race list is rewritten for the form', () => {
    useLab.getState().changeLanguage('pt-BR');
    expect(useLab.getState().settingsText.learningRate).toBe('0,07');
    expect(useLab.getState().raceRatesText).toBe('0,1; 0,2');
    expect(currentLink()).toBe('http://lab.test/lab/?lr=0.07&epochs=1&cmp=drop=0&cmp=drop=0.5&race=0.1,0.2&hide=race&show=lr&lang=pt-BR&trainLimit=2000');
  });
});
