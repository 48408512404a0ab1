/**
 * The settings table's parsing (shared/settings.ts) and its words, together:
 * what a student sees at the field. Node's page language is English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingKey, SettingProblem, SettingsText } from '../shared/settings.ts';
import { FIELDS, PRESET, field, parseLayers, parseSettings as parseCodes, readDecimal, settingsToText } from '../shared/settings.ts';
import { i18n } from '../i18n/index.ts';
import { problemText } from './settingsWords.ts';

const text = settingsToText(PRESET);

/** parseSettings, with each problem worded as the field shows it. */
function parseSettings(t: Partial<SettingsText>, options = {}) {
  const r = parseCodes(t, options);
  const errors: Partial<Record<SettingKey, string>> = {};
  for (const [k, p] of Object.entries(r.errors) as [SettingKey, SettingProblem][]) errors[k] = problemText(k, p);
  return { settings: r.settings, errors };
}

const layersWords = (r: ReturnType<typeof parseLayers>) => (r.ok ? r : { ok: false, message: problemText('hiddenLayers', r.problem) });

afterEach(() => void i18n.changeLanguage('en'));

describe('settings validation', () => {
  it('accepts the ANN_MNIST preset', () => {
    expect(parseSettings(text)).toEqual({ settings: PRESET, errors: {} });
  });

  it.each([
    ['', /Enter a value for learning rate, like 0.01/],
    ['   ', /Enter a value for learning rate/],
    ['0', /greater than 0/],
    ['-0.1', /greater than 0/],
    ['abc', /must be a number/],
    ['NaN', /must be a number/],
    ['0x10', /must be a number/],
    ['1e400', /finite/],
    ['100', /at most 10/],
    ['1e-9', /at least 1e-5/],
  ])('rejects learning rate %j with a message at the field', (lr, message) => {
    const r = parseSettings({ ...text, learningRate: lr });
    expect(r.settings).toBeNull();
    expect(r.errors.learningRate).toMatch(message);
    expect(Object.keys(r.errors)).toEqual(['learningRate']);
  });

  it('accepts exponent and edge forms', () => {
    expect(parseSettings({ ...text, learningRate: '1e-3' }).settings?.learningRate).toBe(0.001);
    expect(parseSettings({ ...text, learningRate: '10' }).settings?.learningRate).toBe(10);
    expect(parseSettings({ ...text, learningRate: '.5' }).settings?.learningRate).toBe(0.5);
  });

  it('checks momentum, epochs and batch size ranges and whole numbers', () => {
    expect(parseSettings({ ...text, momentum: '1' }).errors.momentum).toMatch(/at most 0.99/);
    expect(parseSettings({ ...text, momentum: '-0.1' }).errors.momentum).toMatch(/at least 0/);
    expect(parseSettings({ ...text, epochs: '2.5' }).errors.epochs).toMatch(/whole number/);
    expect(parseSettings({ ...text, epochs: '0' }).errors.epochs).toMatch(/at least 1/);
    expect(parseSettings({ ...text, batchSize: '5000' }).errors.batchSize).toMatch(/at most 2048/);
    expect(parseSettings({ ...text, init: 'he' }).errors.init).toMatch(/Choose one of/);
  });

  it('words every field’s messages for a person (no "a epochs", no 2.147483647e9)', () => {
    expect(parseSettings({ ...text, epochs: '' }).errors.epochs).toBe('Enter a value for epochs, like 10.');
    expect(parseSettings({ ...text, seed: '3000000000' }).errors.seed).toBe('The seed must be at most 2,147,483,647 (range 0 to 2,147,483,647).');
    expect(parseSettings({ ...text, trainSize: '60000' }).errors.trainSize).toMatch(/at most 50,000/);
  });

  it('reads hidden layers as a list of widths: 0 to 4 layers of 1 to 1,024 units', () => {
    const f = field('hiddenLayers');
    expect(parseLayers(f, '128, 64')).toEqual({ ok: true, value: [128, 64] });
    expect(parseLayers(f, '256;128 64')).toEqual({ ok: true, value: [256, 128, 64] });
    expect(parseLayers(f, '')).toEqual({ ok: true, value: [] });
    expect(parseLayers(f, 'none')).toEqual({ ok: true, value: [] });
    expect(layersWords(parseLayers(f, '1, 2, 3, 4, 5'))).toMatchObject({ ok: false, message: /At most 4 hidden layers/ });
    expect(layersWords(parseLayers(f, '2048'))).toMatchObject({ ok: false, message: /1 to 1024 units/ });
    expect(layersWords(parseLayers(f, '0'))).toMatchObject({ ok: false, message: /1 to 1024 units/ });
    expect(layersWords(parseLayers(f, '12.5'))).toMatchObject({ ok: false, message: /not a whole number/ });
    expect(parseSettings({ ...text, hiddenLayers: '32' }).settings?.hiddenLayers).toEqual([32]);
  });

  it('judges only the fields the chosen optimizer reads', () => {
    // A bad β₁ blocks Adam, not SGD, which does not read it (and keeps the notebook's value).
    expect(parseSettings({ ...text, beta1: 'x' }).settings).toMatchObject({ beta1: PRESET.beta1 });
    expect(parseSettings({ ...text, optimizer: 'adam', beta1: 'x' }).errors.beta1).toMatch(/must be a number/);
    // Momentum means nothing to Adam.
    expect(parseSettings({ ...text, optimizer: 'adam', momentum: '5' }).settings?.optimizer).toBe('adam');
    expect(parseSettings({ ...text, optimizer: 'rmsprop', momentum: '5' }).errors.momentum).toMatch(/at most 0.99/);
    expect(parseSettings({ ...text, optimizer: 'lbfgs' }).errors.optimizer).toMatch(/Choose one of/);
    expect(parseSettings({ ...text, nesterov: 'yes' }).errors.nesterov).toMatch(/on \(true\) or off/);
  });

  it('reads augmentation within its ranges (rotation 0–90°, shift 0–8 whole pixels, scale 0–30 %), off in the preset', () => {
    expect(PRESET).toMatchObject({ rotationDeg: 0, shiftPx: 0, scalePct: 0, elastic: false });
    const on = { ...text, rotationDeg: '30', shiftPx: '2', scalePct: '10', elastic: 'true', elasticAlpha: '34', elasticSigma: '4' };
    expect(parseSettings(on).settings).toMatchObject({ rotationDeg: 30, shiftPx: 2, scalePct: 10, elastic: true, elasticAlpha: 34, elasticSigma: 4 });
    expect(parseSettings({ ...text, rotationDeg: '91' }).errors.rotationDeg).toBe('The rotation (± degrees) must be at most 90 (range 0 to 90).');
    expect(parseSettings({ ...text, shiftPx: '1.5' }).errors.shiftPx).toMatch(/whole number/);
    expect(parseSettings({ ...text, shiftPx: '9' }).errors.shiftPx).toMatch(/at most 8/);
    expect(parseSettings({ ...text, scalePct: '-1' }).errors.scalePct).toMatch(/at least 0/);
    expect(parseSettings({ ...text, elastic: 'maybe' }).errors.elastic).toMatch(/on \(true\) or off/);
  });

  it('judges elastic strength and smoothness only while elastic distortion is on', () => {
    // Off: a half-typed σ does not block Train, and keeps the notebook's value.
    expect(parseSettings({ ...text, elasticSigma: '' })).toEqual({ settings: PRESET, errors: {} });
    expect(parseSettings({ ...text, elastic: 'true', elasticSigma: '' }).errors).toEqual({ elasticSigma: expect.stringMatching(/Enter a value/) });
    expect(parseSettings({ ...text, elastic: 'true', elasticSigma: '0.5' }).errors.elasticSigma).toMatch(/at least 1/);
    expect(parseSettings({ ...text, elastic: 'true', elasticAlpha: '101' }).errors.elasticAlpha).toMatch(/at most 100/);
  });

  it('gives a setting missing from older text (an earlier file) the notebook’s value', () => {
    const old = { learningRate: '0.1', momentum: '0.9', epochs: '3', batchSize: '32', seed: '4', init: 'glorot', schedule: 'cosine' };
    expect(parseSettings(old)).toEqual({
      settings: { ...PRESET, learningRate: 0.1, momentum: 0.9, epochs: 3, batchSize: 32, seed: 4, init: 'glorot', schedule: 'cosine' },
      errors: {},
    });
  });

  it('gives every setting a distinct short name for links, and round-trips the preset through text', () => {
    const urls = FIELDS.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(PRESET).sort());
    const other = { ...PRESET, optimizer: 'adamw' as const, hiddenLayers: [256, 128, 64], nesterov: true, dropout: 0.2 };
    expect(parseSettings(settingsToText(other)).settings).toEqual(other);
  });
});

describe('numbers typed in Brazilian Portuguese', () => {
  const pt = { decimalComma: true };

  it('reads the decimal comma there, and the point in both languages', () => {
    expect(readDecimal('0,01', pt)).toBe(0.01);
    expect(readDecimal('0.01', pt)).toBe(0.01);
    expect(readDecimal('1e-3', pt)).toBe(0.001);
    expect(parseCodes({ ...text, learningRate: '0,05', momentum: '0,9' }, pt).settings).toMatchObject({ learningRate: 0.05, momentum: 0.9 });
  });

  it('refuses mixed or repeated marks as ambiguous, in both languages', () => {
    expect(readDecimal('1.000,5', pt)).toMatchObject({ code: 'ambiguousDecimal' });
    expect(readDecimal('1,000.5')).toMatchObject({ code: 'ambiguousDecimal' });
    expect(readDecimal('0,0,1', pt)).toMatchObject({ code: 'ambiguousDecimal' });
  });

  it('in English, a decimal comma gets a message with the value it meant', () => {
    expect(parseSettings({ ...text, learningRate: '0,05' }).errors.learningRate).toBe('Use a point for decimals: 0.05.');
  });

  it('words messages in pt-BR, with its numbers', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(parseSettings({ ...text, learningRate: '' }, pt).errors.learningRate).toBe('Taxa de aprendizado: digite um valor, como 0,01.');
    expect(parseSettings({ ...text, seed: '3000000000' }, pt).errors.seed).toBe('Semente: o máximo é 2.147.483.647 (de 0 a 2.147.483.647).');
    expect(parseSettings({ ...text, learningRate: '1.000,5' }, pt).errors.learningRate).toBe(
      'Use uma só marca decimal e nenhum separador de milhar, como 0,01.',
    );
  });

  it('writes the form’s values with the language’s mark, and reads them back', () => {
    const t = settingsToText(PRESET, pt);
    expect(t.learningRate).toBe('0,01');
    expect(t.hiddenLayers).toBe('128, 64');
    expect(parseCodes(t, pt).settings).toEqual(PRESET);
  });
});
