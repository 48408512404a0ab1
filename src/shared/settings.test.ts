import { describe, expect, it } from 'vitest';
import { PRESET, parseSettings, settingsToText } from './settings.ts';

const text = settingsToText(PRESET);

describe('settings validation', () => {
  it('accepts the ANN_MNIST preset', () => {
    expect(parseSettings(text)).toEqual({ settings: PRESET, errors: {} });
  });

  it.each([
    ['', /Enter a learning rate/],
    ['   ', /Enter a learning rate/],
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
});
