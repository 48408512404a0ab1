import { describe, expect, it } from 'vitest';
import { preprocess } from './preprocess.ts';
import { circle, inkBox, line } from './testImages.ts';

describe('preprocess', () => {
  it('returns null when there is no ink', () => {
    expect(preprocess([])).toBeNull();
    expect(preprocess([[], []])).toBeNull();
    expect(preprocess([[{ x: 2, y: 2 }]])).toBeNull(); // a dot far off the pad
  });

  it('centres a small off-centre stroke by mass and fits it to the 20 px box', () => {
    const r = preprocess([line({ x: 0.12, y: 0.08 }, { x: 0.12, y: 0.3 })])!;
    expect(r.centred).toHaveLength(784);
    expect(Math.abs(r.massCentre.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(r.massCentre.y - 14)).toBeLessThanOrEqual(0.5);
    const b = inkBox(r.centred, 28)!;
    expect(b.h).toBeLessThanOrEqual(20);
    expect(b.w).toBeLessThanOrEqual(20);
    expect(b.h).toBeGreaterThanOrEqual(19); // the longer side fills the box
    expect(b.w).toBeLessThan(b.h / 2); // and it is still a narrow vertical bar
  });

  it('keeps the aspect ratio of a wide flat stroke', () => {
    const r = preprocess([line({ x: 0.2, y: 0.45 }, { x: 0.8, y: 0.45 }), line({ x: 0.2, y: 0.6 }, { x: 0.8, y: 0.6 })])!;
    const before = r.boxW / r.boxH; // ≈ 3
    // Counting pixels at least half inked measures extent without the anti-aliased rim,
    // which would add up to a pixel to a 7 px height and skew the ratio by itself.
    const b = inkBox(r.centred, 28, 0.5)!;
    expect(b.w).toBe(20);
    expect(Math.abs(b.w / b.h - before) / before).toBeLessThan(0.15);
  });

  it('is deterministic', () => {
    const strokes = [circle(0.5, 0.5, 0.3), line({ x: 0.3, y: 0.2 }, { x: 0.6, y: 0.9 })];
    const a = preprocess(strokes)!;
    const b = preprocess(strokes)!;
    const same = (x: Float32Array, y: Float32Array) => x.length === y.length && x.every((v, i) => v === y[i]);
    expect(same(a.raw, b.raw)).toBe(true);
    expect(same(a.centred, b.centred)).toBe(true);
  });

  it('keeps every value in [0, 1] with full ink at the peak', () => {
    const r = preprocess([circle(0.4, 0.6, 0.2), line({ x: 0.1, y: 0.1 }, { x: 0.9, y: 0.5 })])!;
    for (const img of [r.raw, r.box, r.fit20, r.centred]) {
      expect(Math.min(...img)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...img)).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...r.centred)).toBeGreaterThan(0.95);
  });

  it('leaves the hole of a drawn 0 empty', () => {
    const r = preprocess([circle(0.5, 0.5, 0.3)])!;
    const centre = r.centred[14 * 28 + 14];
    const ring = Math.max(...r.centred.slice(14 * 28, 14 * 28 + 28)); // the ring crosses row 14
    expect(centre).toBeLessThan(0.05);
    expect(ring).toBeGreaterThan(0.9);
  });

  it('reports every step with consistent sizes', () => {
    const r = preprocess([line({ x: 0.3, y: 0.3 }, { x: 0.5, y: 0.7 })], { strokeWidth: 0.05, rawSize: 100 })!;
    expect(r.rawSize).toBe(100);
    expect(r.raw).toHaveLength(100 * 100);
    expect(r.box).toHaveLength(r.boxW * r.boxH);
    expect(r.fit20).toHaveLength(400);
  });

  it('makes strokes 2–3 px wide for a digit that fills most of the pad', () => {
    // A vertical bar 0.7 of the pad tall: the 20 px box shrinks the 0.07 pen to about 2 px.
    const r = preprocess([line({ x: 0.5, y: 0.15 }, { x: 0.5, y: 0.85 })])!;
    const row = r.centred.slice(14 * 28, 15 * 28);
    const width = row.reduce((s, v) => s + v, 0); // ink summed across the bar ≈ its width in px
    expect(width).toBeGreaterThan(1.5);
    expect(width).toBeLessThan(3.5);
  });
});
