/**
 * Marker shapes as SVG paths centred on (cx, cy), sized by `r`, the radius
 * of the circle of about the same area: the race tells runs apart by them,
 * and the accuracy chart marks the test score with a diamond.
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross';

const f = (v: number) => v.toFixed(1);

/** A closed polygon through `pts` (offsets from the centre). */
const polygon = (cx: number, cy: number, pts: readonly (readonly [number, number])[]) =>
  `${pts.map(([dx, dy], i) => `${i ? 'L' : 'M'}${f(cx + dx)} ${f(cy + dy)}`).join('')}Z`;

export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
    case 'square': {
      const h = r * 0.886; // same area as the circle
      return polygon(cx, cy, [
        [-h, -h],
        [h, -h],
        [h, h],
        [-h, h],
      ]);
    }
    case 'diamond': {
      const h = r * 1.25;
      return polygon(cx, cy, [
        [0, -h],
        [h * 0.8, 0],
        [0, h],
        [-h * 0.8, 0],
      ]);
    }
    case 'triangle': {
      const h = r * 1.35;
      return polygon(cx, cy, [
        [0, -h],
        [h * 0.866, h * 0.5],
        [-h * 0.866, h * 0.5],
      ]);
    }
    case 'star': {
      const outer = r * 1.4;
      const inner = outer * 0.4;
      const pts: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const a = (i * Math.PI) / 5 - Math.PI / 2;
        const d = i % 2 ? inner : outer;
        pts.push([d * Math.cos(a), d * Math.sin(a)]);
      }
      return polygon(cx, cy, pts);
    }
    case 'cross': {
      const a = r * 1.1;
      const b = r * 0.37;
      return polygon(cx, cy, [
        [-b, -a],
        [b, -a],
        [b, -b],
        [a, -b],
        [a, b],
        [b, b],
        [b, a],
        [-b, a],
        [-b, b],
        [-a, b],
        [-a, -b],
        [-b, -b],
      ]);
    }
  }
}
