/** From the form's text to the link's values (fromForm.ts): the decimal point in the link whatever the page's language, and the last good value kept while a field is half-typed. */
import { describe, expect, it } from 'vitest';
import { PRESET, settingsToText } from '../../shared/settings.ts';
import { RACE_PRESET } from '../components/race/parseRates.ts';
import { type LinkState, writeAddress } from './address.ts';
import { compareLines, raceFromForm, settingsFromForm } from './fromForm.ts';

const PT = { decimalComma: true };
const EN = { decimalComma: false };

describe('the link of what the form holds', () => {
  it('reads pt-BR’s decimal comma and writes the link with a point', () => {
    const text = { ...settingsToText(PRESET, PT), learningRate: '0,05', momentum: '0,9' };
    expect(text.momentum).toBe('0,9');
    const settings = settingsFromForm(text, PT, PRESET);
    expect(settings).toEqual({ ...PRESET, learningRate: 0.05, momentum: 0.9 });
    const state: LinkState = {
      settings,
      compare: [],
      race: raceFromForm('0,001; 0,1', '0,9', PT, { rates: RACE_PRESET, momenta: [] }),
      language: 'pt-BR',
      present: false,
      hidden: { panels: [], fields: [] },
      page: { validationSize: 10_000, faults: false },
    };
    expect(writeAddress(state, { settings: PRESET, compare: [], race: { rates: RACE_PRESET, momenta: [] }, language: 'en' })).toBe(
      '?lr=0.05&mom=0.9&race=0.001,0.1&racemom=0.9&lang=pt-BR',
    );
  });

  it('keeps the last good value of a field that does not parse right now', () => {
    const previous = { ...PRESET, learningRate: 0.2 };
    expect(settingsFromForm({ ...settingsToText(PRESET), learningRate: '0.', epochs: '3' }, EN, previous)).toEqual({ ...previous, epochs: 3 });
    expect(settingsFromForm({ ...settingsToText(PRESET), learningRate: '' }, EN, previous).learningRate).toBe(0.2);
  });

  it('keeps each race list’s last good values while it does not parse', () => {
    const previous = { rates: [0.1, 0.2], momenta: [0.9] };
    expect(raceFromForm('0.1', '0.5, x', EN, previous)).toEqual(previous);
    expect(raceFromForm('0.3, 0.4', '', EN, previous)).toEqual({ rates: [0.3, 0.4], momenta: [] });
  });

  it('writes the comparison one run per non-empty line', () => {
    expect(compareLines('  opt=adam  lr=0.001 \n\n drop=0.5\n')).toEqual(['opt=adam  lr=0.001', 'drop=0.5']);
  });
});
