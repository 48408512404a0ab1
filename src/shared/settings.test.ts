import { describe, expect, it } from 'vitest';
import { FIELDS, PRESET, field, parseLayers, parseSettings, settingsToText } from './settings.ts';

const text = settingsToText(PRESET);

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
    expect(parseLayers(f, '1, 2, 3, 4, 5')).toMatchObject({ ok: false, message: /At most 4 hidden layers/ });
    expect(parseLayers(f, '2048')).toMatchObject({ ok: false, message: /1 to 1024 units/ });
    expect(parseLayers(f, '0')).toMatchObject({ ok: false, message: /1 to 1024 units/ });
    expect(parseLayers(f, '12.5')).toMatchObject({ ok: false, message: /not a whole number/ });
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
