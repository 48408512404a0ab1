/**
 * The charts' palettes against what a student with a colour-vision
 * deficiency, or a washed-out projector, still tells apart: every line is
 * 3:1 against the white chart (WCAG 1.4.11), and two series that look alike
 * never also share their dash pattern (or, in a race, anything else).
 */
import { describe, expect, it } from 'vitest';
import { VISIONS, seenDistance, worstDistance } from '../../../test-support/colourVision.ts';
import { RUN_STYLES, runStyle } from '../race/racePalette.ts';
import { contrastRatio } from './colourScale.ts';
import { CHANCE_COLOUR, DIGIT_COLOURS, DIGIT_DASHES } from './palette.ts';

/** ΔE (CIE76) under which two lines of the same pattern could be taken for each other. */
const SAME_PATTERN_MIN = 40;
/** ΔE under which two colours are hard to tell apart at all, for the race's six runs. */
const RACE_MIN = 20;

const pairs = (n: number): [number, number][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n - i - 1 }, (_, j): [number, number] => [i, i + j + 1])).flat();

describe('colour-vision simulation', () => {
  it('leaves a colour as it is and merges vermillion with dark yellow for protanopes and deuteranopes, not for tritanopes', () => {
    for (const v of VISIONS) expect(seenDistance('#777777', '#777777', v)).toBeCloseTo(0, 6);
    // Digits 5 and 1: apart to normal vision, nearly one colour without red or green cones (hence their different dashes).
    expect(seenDistance('#D55E00', '#997700', 'normal')).toBeGreaterThan(35);
    expect(seenDistance('#D55E00', '#997700', 'protanopia')).toBeLessThan(5);
    expect(seenDistance('#D55E00', '#997700', 'deuteranopia')).toBeLessThan(10);
    expect(seenDistance('#D55E00', '#997700', 'tritanopia')).toBeGreaterThan(35);
  });
});

describe('ROC digit palette', () => {
  it('draws every digit, and chance, at 3:1 or more against the white chart', () => {
    expect(DIGIT_COLOURS).toHaveLength(10);
    for (const [d, c] of [...DIGIT_COLOURS.entries(), [-1, CHANCE_COLOUR] as const]) {
      expect(contrastRatio(c, '#ffffff'), `digit ${d} ${c}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives ten different colours, and a shared dash pattern only to colours that stay apart under every deficiency', () => {
    expect(new Set(DIGIT_COLOURS).size).toBe(10);
    for (const [a, b] of pairs(10)) {
      if (DIGIT_DASHES[a] !== DIGIT_DASHES[b]) continue;
      expect(worstDistance(DIGIT_COLOURS[a], DIGIT_COLOURS[b]), `digits ${a} and ${b} share "${DIGIT_DASHES[a]}"`).toBeGreaterThanOrEqual(SAME_PATTERN_MIN);
    }
  });
});

describe('race palette', () => {
  const styles = Array.from({ length: RUN_STYLES }, (_, i) => runStyle(i));

  it('styles six runs apart by colour, dash and marker, each on its own', () => {
    expect(RUN_STYLES).toBe(6);
    for (const key of ['colour', 'dash', 'shape'] as const) expect(new Set(styles.map((s) => s[key])).size, key).toBe(6);
    expect(runStyle(6)).toEqual(runStyle(0));
  });

  it('keeps the six colours 3:1 against white and apart under every deficiency', () => {
    for (const s of styles) expect(contrastRatio(s.colour, '#ffffff'), s.colour).toBeGreaterThanOrEqual(3);
    for (const [a, b] of pairs(6)) expect(worstDistance(styles[a].colour, styles[b].colour), `runs ${a + 1} and ${b + 1}`).toBeGreaterThanOrEqual(RACE_MIN);
  });

  it('gives the first two runs, most races, the two colours furthest apart', () => {
    expect(worstDistance(styles[0].colour, styles[1].colour)).toBeGreaterThan(80);
  });
});
