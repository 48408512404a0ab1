/**
 * The page's live charts, drawn by hand in SVG: axes with round ticks, a
 * grid, lines (each one path), markers, labelled vertical rules, a legend,
 * and a tooltip that follows the pointer.
 *
 * Why not recharts, which the page's other charts use: these charts redraw
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
import { type AxisScale, type Scale, type XY, linePath, nearestByX, scaleOf } from './scale.ts';
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
  label: string;
  /** Which side of the rule its label sits on, at the top of the plot, unless it would not fit there. */
  side: 'left' | 'right';
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
}

const TOP = 10;
const BOTTOM = 46;
const LEFT = 64;
const RIGHT = 20;
/** How near (px) a series' point must be to the hovered x to be listed in the tooltip. */
const HOVER_PX = 12;

export const Plot = memo(function Plot({ x, y, series, rules = [], legend, right = RIGHT, tooltip }: PlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(box);
  const clip = useId();
  const [hover, setHover] = useState<number | null>(null);

  const w = Math.max(0, width - LEFT - right);
  const h = Math.max(0, height - TOP - BOTTOM);
  const sx = useMemo(() => scaleOf(x, LEFT, LEFT + w), [x, w]);
  const sy = useMemo(() => scaleOf(y, TOP + h, TOP), [y, h]);
  const paths = useMemo(() => series.map((s) => (s.width > 0 ? linePath(s.points, sx, sy) : '')), [series, sx, sy]);
  const entries =
    legend ??
    series
      .filter((s) => s.name && !s.noLegend)
      .map((s) => ({
        name: s.name as string,
        colour: s.colour,
        dash: s.width > 0 ? (s.dash ?? '') : undefined,
        shape: s.width > 0 ? undefined : s.marker?.shape,
      }));

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
                <rect x={LEFT} y={TOP - 2} width={w} height={h + 4} />
              </clipPath>
            </defs>
            <Axes x={x} y={y} sx={sx} sy={sy} w={w} h={h} />
            <g clipPath={`url(#${clip})`}>
              {rules.map((r, i) => (
                <line key={i} className="plot__rule" x1={sx(r.x)} x2={sx(r.x)} y1={TOP} y2={TOP + h} stroke={r.colour} strokeDasharray={r.dash} />
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
              const left = labelLeft(r, at, LEFT, LEFT + w + right);
              return (
                <text
                  key={i}
                  className="plot__rule-label"
                  x={at + (left ? -4 : 4)}
                  y={TOP + 14}
                  textAnchor={left ? 'end' : 'start'}
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
            {hover !== null && tooltip && hover >= LEFT && hover <= LEFT + w ? (
              <line className="plot__hover" x1={hover} x2={hover} y1={TOP} y2={TOP + h} />
            ) : null}
          </svg>
        ) : null}
        {hover !== null && tooltip ? <Tooltip px={hover} series={series} sx={sx} width={width} tooltip={tooltip} /> : null}
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

function Axes({ x, y, sx, sy, w, h }: { x: PlotAxis; y: PlotAxis; sx: Scale; sy: Scale; w: number; h: number }) {
  const bottom = TOP + h;
  return (
    <g className="plot__axes">
      {x.ticks.map((v) => (
        <line key={`gx${v}`} className="plot__grid" x1={sx(v)} x2={sx(v)} y1={TOP} y2={bottom} />
      ))}
      {y.ticks.map((v) => (
        <line key={`gy${v}`} className="plot__grid" x1={LEFT} x2={LEFT + w} y1={sy(v)} y2={sy(v)} />
      ))}
      <line className="plot__axis" x1={LEFT} x2={LEFT + w} y1={bottom} y2={bottom} />
      <line className="plot__axis" x1={LEFT} x2={LEFT} y1={TOP} y2={bottom} />
      {x.ticks.map((v) => (
        <text key={`tx${v}`} className="plot__tick" x={sx(v)} y={bottom + 6} textAnchor="middle" dominantBaseline="hanging">
          {x.format(v)}
        </text>
      ))}
      {y.ticks.map((v) => (
        <text key={`ty${v}`} className="plot__tick" x={LEFT - 6} y={sy(v)} textAnchor="end" dominantBaseline="middle">
          {y.format(v)}
        </text>
      ))}
      <text className="plot__label" x={LEFT + w / 2} y={bottom + BOTTOM - 4} textAnchor="middle">
        {x.label}
      </text>
      <text className="plot__label" transform={`translate(14 ${TOP + h / 2}) rotate(-90)`} textAnchor="middle" dominantBaseline="middle">
        {y.label}
      </text>
    </g>
  );
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

/** The values of the named series at the point nearest the pointer. */
function Tooltip({
  px,
  series,
  sx,
  width,
  tooltip,
}: {
  px: number;
  series: readonly PlotSeries[];
  sx: Scale;
  width: number;
  tooltip: NonNullable<PlotProps['tooltip']>;
}) {
  const at = sx.invert(px);
  // Snap to the nearest drawn point of any named series, then list every series with a point there.
  let snap: number | null = null;
  for (const s of series) {
    if (!s.name) continue;
    const i = nearestByX(s.points, at);
    if (i >= 0 && (snap === null || Math.abs(sx(s.points[i].x) - px) < Math.abs(sx(snap) - px))) snap = s.points[i].x;
  }
  if (snap === null || Math.abs(sx(snap) - px) > HOVER_PX * 3) return null;
  const rows: { key: string; name: string; colour: string; value: string }[] = [];
  for (const s of series) {
    if (!s.name) continue;
    const i = nearestByX(s.points, snap);
    if (i >= 0 && Math.abs(sx(s.points[i].x) - sx(snap)) <= HOVER_PX)
      rows.push({ key: s.key, name: s.name, colour: s.colour, value: tooltip.value(s.points[i].y) });
  }
  const left = sx(snap);
  return (
    // In the plot's far half from the point, so it never covers it nor leaves the chart.
    <div className="plot__tooltip" style={left > LEFT + (width - LEFT) / 2 ? { left: LEFT + 8 } : { right: 8 }} aria-hidden="true">
      <p className="plot__tooltip-title">{tooltip.title(snap)}</p>
      {rows.map((r) => (
        <p key={r.key} style={{ color: r.colour }}>
          {r.name}: {r.value}
        </p>
      ))}
    </div>
  );
}
