import { describe, expect, it } from 'vitest';
import { CORRECT_RAMP, DARK_TEXT, LIGHT_TEXT, MISTAKE_RAMP, contrastRatio, rampColour, readableText, relativeLuminance } from './colourScale.ts';

const samples = (n: number) => Array.from({ length: n + 1 }, (_, i) => i / n);

describe('rampColour', () => {
  it('hits the first and last stops at 0 and 1, and clamps outside', () => {
    expect(rampColour(CORRECT_RAMP, 0)).toBe('#f7fbff');
    expect(rampColour(CORRECT_RAMP, 1)).toBe('#08306b');
    expect(rampColour(CORRECT_RAMP, -3)).toBe('#f7fbff');
    expect(rampColour(CORRECT_RAMP, 7)).toBe('#08306b');
    expect(rampColour(CORRECT_RAMP, Number.NaN)).toBe('#f7fbff');
  });

  it.each([
    ['correct', CORRECT_RAMP],
    ['mistake', MISTAKE_RAMP],
  ])('%s ramp gets darker as t grows (monotonic luminance)', (_name, ramp) => {
    // Fine steps round to 8-bit channels (Oranges' darkest stops even gain a little blue), so
    // neighbours may tie or differ by rounding; anything beyond 1e-4 in luminance would be visible.
    const fine = samples(400).map((t) => relativeLuminance(rampColour(ramp, t)));
    for (let i = 1; i < fine.length; i++) expect(fine[i]).toBeLessThanOrEqual(fine[i - 1] + 1e-4);
    const coarse = samples(20).map((t) => relativeLuminance(rampColour(ramp, t)));
    for (let i = 1; i < coarse.length; i++) expect(coarse[i]).toBeLessThan(coarse[i - 1]);
  });
});

describe('readableText', () => {
  it('picks dark text on light cells and light text on dark cells', () => {
    expect(readableText('#ffffff')).toBe(DARK_TEXT);
    expect(readableText('#f7fbff')).toBe(DARK_TEXT);
    expect(readableText('#08306b')).toBe(LIGHT_TEXT);
    expect(readableText('#7f2704')).toBe(LIGHT_TEXT);
  });

  it.each([
    ['correct', CORRECT_RAMP],
    ['mistake', MISTAKE_RAMP],
  ])('keeps WCAG AA contrast (4.5:1) on every shade of the %s ramp', (_name, ramp) => {
    for (const t of samples(200)) {
      const bg = rampColour(ramp, t);
      expect(contrastRatio(bg, readableText(bg)), bg).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('switches from dark to light text once along each ramp', () => {
    for (const ramp of [CORRECT_RAMP, MISTAKE_RAMP]) {
      const choices = samples(100).map((t) => readableText(rampColour(ramp, t)));
      const firstLight = choices.indexOf(LIGHT_TEXT);
      expect(firstLight).toBeGreaterThan(0);
      expect(choices.slice(firstLight).every((c) => c === LIGHT_TEXT)).toBe(true);
    }
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#4292c6', '#4292c6')).toBe(1);
  });
});
