/**
 * A plot's axes: the grid at each tick, the two axis lines, the tick
 * values and the axis labels, in the margins that `frame` leaves.
 */
import type { PlotAxis, PlotFrame } from './Plot.tsx';
import type { Scale } from './scale.ts';

interface Props {
  x: PlotAxis;
  y: PlotAxis;
  sx: Scale;
  sy: Scale;
  frame: PlotFrame;
  /** The plot area's size, px. */
  w: number;
  h: number;
}

export function PlotAxes({ x, y, sx, sy, frame, w, h }: Props) {
  const { top, left, bottom: margin } = frame;
  const bottom = top + h;
  return (
    <g className="plot__axes">
      {x.ticks.map((v) => (
        <line key={`gx${v}`} className="plot__grid" x1={sx(v)} x2={sx(v)} y1={top} y2={bottom} />
      ))}
      {y.ticks.map((v) => (
        <line key={`gy${v}`} className="plot__grid" x1={left} x2={left + w} y1={sy(v)} y2={sy(v)} />
      ))}
      <line className="plot__axis" x1={left} x2={left + w} y1={bottom} y2={bottom} />
      <line className="plot__axis" x1={left} x2={left} y1={top} y2={bottom} />
      {x.ticks.map((v) => (
        <text key={`tx${v}`} className="plot__tick" x={sx(v)} y={bottom + 6} textAnchor="middle" dominantBaseline="hanging">
          {x.format(v)}
        </text>
      ))}
      {y.ticks.map((v) => (
        <text key={`ty${v}`} className="plot__tick" x={left - 6} y={sy(v)} textAnchor="end" dominantBaseline="middle">
          {y.format(v)}
        </text>
      ))}
      <text className="plot__label" x={left + w / 2} y={bottom + margin - 4} textAnchor="middle">
        {x.label}
      </text>
      <text className="plot__label" transform={`translate(14 ${top + h / 2}) rotate(-90)`} textAnchor="middle" dominantBaseline="middle">
        {y.label}
      </text>
    </g>
  );
}
