/**
 * The page's charts, drawn by hand in SVG: axes with round ticks, a grid,
 * lines (each one path), markers, labelled vertical rules, a legend, and a
 * tooltip that follows the pointer; or, `bare`, a sparkline of lines alone.
 *
 * Why not recharts, which drew them before: most of these charts redraw
 * while a run trains, and recharts re-renders each one through its own
 * store, effects and DOM measurements (getTotalLength, getBoundingClientRect):
 * 30–600 ms of the main thread a redraw on this project's 2-core machine,
 * taken from the training worker and seen as frozen frames. This draws the
 * same picture in a few milliseconds: scales and paths are plain arithmetic
 * (scale.ts), and the only measurement is the box's size (useSize).
 */
import { memo, useId, useMemo, useRef, useState } from 'react';
import { type LegendEntry, PlotLegend } from './PlotLegend.tsx';
import { type MarkerShape, markerPath } from './markers.ts';
import { PlotAxes } from './PlotAxes.tsx';
import { PlotTooltip } from './PlotTooltip.tsx';
import { type AxisScale, type Scale, type XY, linePath, scaleOf } from './scale.ts';
import { useSize } from './useSize.ts';

export interface PlotAxis extends AxisScale {
  ticks: readonly number[];
  format: (v: number) => string;
  label: string;
}

export interface PlotSeries {
  key: string;
  /** In the legend and the tooltip; a series without one (the chance line) is in neither. */
  name?: string;
  /** Sorted by x. */
  points: readonly XY[];
  colour: string;
  /** The line's width, px; 0 draws markers only. */
  width: number;
  dash?: string;
  marker?: { shape: MarkerShape; r: number };
  /** Text right of each point's marker (the test score's "test"). */
  labels?: readonly string[];
  /** Left out of the legend though named (a run's validation markers, named by its line). */
  noLegend?: boolean;
}

export interface PlotRule {
  x: number;
  colour: string;
  dash: string;
  /** The rule's width, px; 1 unless given. */
  width?: number;
  label: string;
  /** Which side of the rule its label sits on, unless it would not fit there. */
  side: 'left' | 'right';
  /** Whether its label sits at the top of the plot (unless given) or at the bottom, so that two rules close together keep their labels apart. */
  labelAt?: 'top' | 'bottom';
  /** The label's colour where the rule's is too light for text. */
  textColour?: string;
}

export interface PlotProps {
  x: PlotAxis;
  y: PlotAxis;
  series: readonly PlotSeries[];
  rules?: readonly PlotRule[];
  /** The legend above the plot: from the named series unless given; none when empty. */
  legend?: readonly LegendEntry[];
  /** Extra room right of the plot, px (for labels beside the last points). */
  right?: number;
  /** The tooltip's heading for a hovered x, and each value's text; no tooltip without it. */
  tooltip?: { title: (x: number) => string; value: (y: number) => string };
  /** A sparkline: the lines alone, no axes, ticks, labels or legend, and margins just wide enough for the lines' width. */
  bare?: boolean;
}

/** The margins around the plot area, px: room for the tick values and axis labels. */
export interface PlotFrame {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const FRAME: PlotFrame = { top: 10, right: 20, bottom: 46, left: 64 };
const BARE_FRAME: PlotFrame = { top: 4, right: 4, bottom: 2, left: 2 };

export const Plot = memo(function Plot({ x, y, series, rules = [], legend, right, tooltip, bare = false }: PlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(box);
  const clip = useId();
  const [hover, setHover] = useState<number | null>(null);

  const base = bare ? BARE_FRAME : FRAME;
  const frame = useMemo(() => (right === undefined ? base : { ...base, right }), [base, right]);
  const { top, left } = frame;
  const w = Math.max(0, width - left - frame.right);
  const h = Math.max(0, height - top - frame.bottom);
  const sx = useMemo(() => scaleOf(x, left, left + w), [x, left, w]);
  const sy = useMemo(() => scaleOf(y, top + h, top), [y, top, h]);
  const paths = useMemo(() => series.map((s) => (s.width > 0 ? linePath(s.points, sx, sy) : '')), [series, sx, sy]);
  const entries = bare
    ? []
    : (legend ??
      series
        .filter((s) => s.name && !s.noLegend)
        .map((s) => ({
          name: s.name as string,
          colour: s.colour,
          dash: s.width > 0 ? (s.dash ?? '') : undefined,
          shape: s.width > 0 ? undefined : s.marker?.shape,
        })));

  return (
    <div className="plot">
      {entries.length ? <PlotLegend entries={entries} /> : null}
      <div className="plot__area" ref={box}>
        {w > 0 && h > 0 ? (
          <svg
            width={width}
            height={height}
            className="plot__svg"
            aria-hidden="true"
            onPointerMove={tooltip ? (e) => setHover(e.clientX - e.currentTarget.getBoundingClientRect().left) : undefined}
            onPointerLeave={tooltip ? () => setHover(null) : undefined}
          >
            <defs>
              <clipPath id={clip}>
                <rect x={left} y={top - 2} width={w} height={h + 4} />
              </clipPath>
            </defs>
            {bare ? null : <PlotAxes x={x} y={y} sx={sx} sy={sy} frame={frame} w={w} h={h} />}
            <g clipPath={`url(#${clip})`}>
              {rules.map((r, i) => (
                <line
                  key={i}
                  className="plot__rule"
                  x1={sx(r.x)}
                  x2={sx(r.x)}
                  y1={top}
                  y2={top + h}
                  stroke={r.colour}
                  strokeWidth={r.width}
                  strokeDasharray={r.dash || undefined}
                />
              ))}
              {series.map((s, i) =>
                paths[i] ? (
                  <path
                    key={s.key}
                    className="plot__line"
                    d={paths[i]}
                    fill="none"
                    stroke={s.colour}
                    strokeWidth={s.width}
                    strokeDasharray={s.dash || undefined}
                    strokeLinejoin="round"
                  />
                ) : null,
              )}
              {series.map((s) => (s.marker ? <Markers key={`m${s.key}`} series={s} sx={sx} sy={sy} /> : null))}
            </g>
            {rules.map((r, i) => {
              const at = sx(r.x);
              const toLeft = labelLeft(r, at, left, width);
              return (
                <text
                  key={i}
                  className="plot__rule-label"
                  x={at + (toLeft ? -4 : 4)}
                  y={r.labelAt === 'bottom' ? top + h - 8 : top + 14}
                  textAnchor={toLeft ? 'end' : 'start'}
                  fill={r.textColour ?? r.colour}
                >
                  {r.label}
                </text>
              );
            })}
            {series.map((s) =>
              s.labels
                ? s.points.map((p, i) =>
                    s.labels?.[i] ? (
                      <text key={`${s.key}l${i}`} className="plot__point-label" x={sx(p.x) + 10} y={sy(p.y)} dominantBaseline="middle" fill={s.colour}>
                        {s.labels[i]}
                      </text>
                    ) : null,
                  )
                : null,
            )}
            {hover !== null && tooltip && hover >= left && hover <= left + w ? (
              <line className="plot__hover" x1={hover} x2={hover} y1={top} y2={top + h} />
            ) : null}
          </svg>
        ) : null}
        {hover !== null && tooltip ? <PlotTooltip px={hover} series={series} sx={sx} left={left} width={width} tooltip={tooltip} /> : null}
      </div>
    </div>
  );
});

/** About how wide a rule's label is, px (0.75 rem type): enough to keep it inside the chart. */
const labelWidth = (label: string) => label.length * 6.5;

/** Whether a rule's label goes left of the rule at `at`: its own side, unless only the other fits between `from` and `to`. */
function labelLeft(r: PlotRule, at: number, from: number, to: number): boolean {
  const width = labelWidth(r.label) + 4;
  if (r.side === 'left') return at - width >= from || at + width > to;
  return at + width > to && at - width >= from;
}

function Markers({ series, sx, sy }: { series: PlotSeries; sx: Scale; sy: Scale }) {
  const m = series.marker as NonNullable<PlotSeries['marker']>;
  const d = useMemo(
    () =>
      series.points
        .filter((p) => Number.isFinite(p.y))
        .map((p) => markerPath(m.shape, sx(p.x), sy(p.y), m.r))
        .join(''),
    [series.points, m.shape, m.r, sx, sy],
  );
  return <path className="plot__markers" d={d} fill={series.colour} stroke="#fff" strokeWidth={1} />;
}
