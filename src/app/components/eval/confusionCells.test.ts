import { describe, expect, it } from 'vitest';
import { perClassRecall } from '../../../metrics/index.ts';
import { contrastRatio } from './colourScale.ts';
import { confusionRows, confusionView, digitAccuracy, lowestDigit, MIN_SHADE, shade } from './confusionCells.ts';

/** A 10 × 10 flat confusion: 100 images per digit, digit d right 100 - d times, its mistakes predicted as (d + 1) % 10. */
function flatConfusion(): Int32Array {
  const flat = new Int32Array(100);
  for (let d = 0; d < 10; d++) {
    flat[d * 10 + d] = 100 - d;
    flat[d * 10 + ((d + 1) % 10)] = d;
  }
  return flat;
}

describe('confusionRows', () => {
  it('reads the flat array row-major: row = true digit, column = predicted', () => {
    const rows = confusionRows(flatConfusion());
    expect(rows[4][4]).toBe(96);
    expect(rows[4][5]).toBe(4);
    expect(rows[5][4]).toBe(0);
  });

  it('rejects an array of the wrong size', () => {
    expect(() => confusionRows(new Int32Array(99))).toThrow(/expected 100/);
  });
});

describe('per-class accuracy from a flat Int32Array', () => {
  it('is the diagonal over the row total, as metrics.perClassRecall', () => {
    const flat = flatConfusion();
    const rows = digitAccuracy(flat);
    expect(rows.map((r) => r.recall)).toEqual(perClassRecall(confusionRows(flat)));
    expect(rows[0]).toEqual({ digit: 0, recall: 1, correct: 100, total: 100, lowest: false });
    expect(rows[9]).toEqual({ digit: 9, recall: 0.91, correct: 91, total: 100, lowest: true });
    expect(rows.filter((r) => r.lowest)).toHaveLength(1);
  });

  it('gives null recall for a digit with no images and never calls it the lowest', () => {
    const flat = flatConfusion();
    for (let p = 0; p < 10; p++) flat[9 * 10 + p] = 0;
    const rows = digitAccuracy(flat);
    expect(rows[9]).toMatchObject({ recall: null, total: 0, lowest: false });
    expect(rows[8].lowest).toBe(true);
  });

  it('lowestDigit takes the first of a tie, and null when nothing is defined', () => {
    expect(lowestDigit([0.9, 0.8, 0.8])).toBe(1);
    expect(lowestDigit([null, null])).toBeNull();
  });
});

describe('shade', () => {
  it('is 0 for empty cells, at least MIN_SHADE for any mistake, 1 at the max', () => {
    expect(shade(0, 10)).toBe(0);
    expect(shade(5, 0)).toBe(0);
    expect(shade(1, 1000)).toBe(MIN_SHADE);
    expect(shade(5, 10)).toBe(0.5);
    expect(shade(10, 10)).toBe(1);
  });
});

describe('confusionView', () => {
  it('counts: totals, the two scale ends, texts and accessible names', () => {
    const v = confusionView(flatConfusion(), 'counts');
    expect(v.total).toBe(1000);
    expect(v.rowTotals).toEqual(Array(10).fill(100));
    expect(v.correctMax).toBe(100);
    expect(v.mistakeMax).toBe(9);
    const c = v.cells[4][5];
    expect(c).toMatchObject({ trueDigit: 4, predictedDigit: 5, count: 4, value: 4, text: '4', diagonal: false, label: '4 predicted as 5: 4 images' });
    expect(v.cells[1][2].label).toBe('1 predicted as 2: 1 image');
    // A mistake with images opens them; a correct cell or an empty one opens nothing.
    expect(c.open).toBe('4 predicted as 5: 4 images: show them');
    expect(v.cells[4][4].open).toBeNull();
    expect(
      v.cells
        .flat()
        .filter((x) => x.count === 0)
        .every((x) => x.open === null),
    ).toBe(true);
    expect(v.cells[3][3].diagonal).toBe(true);
  });

  it('recall: each row as a share of its images', () => {
    const v = confusionView(flatConfusion(), 'recall');
    expect(v.cells[4][5].value).toBeCloseTo(0.04, 12);
    expect(v.cells[4][5].text).toBe('4.0');
    expect(v.cells[4][4].text).toBe('96.0');
    expect(v.cells[4][6].text).toBe('0');
    expect(v.cells[4][5].label).toBe('4 predicted as 5: 4 images (4.0% of the 4s)');
    expect(v.correctMax).toBe(1);
    expect(v.mistakeMax).toBeCloseTo(0.09, 12);
  });

  it('colours darker for larger values and keeps every cell text readable', () => {
    const v = confusionView(flatConfusion(), 'counts');
    expect(v.cells[0][1].background).toBe('#ffffff'); // digit 0 makes no mistakes
    expect(v.cells[9][0].background).not.toBe(v.cells[1][2].background);
    for (const row of v.cells)
      for (const c of row) {
        if (c.count > 0) expect(contrastRatio(c.background, c.color), `${c.label} ${c.background}`).toBeGreaterThanOrEqual(4.5);
      }
  });
});
