/**
 * A plot's tooltip: the values of the named series at the drawn point
 * nearest the pointer, in a box in the plot's far half from that point.
 */
import type { PlotProps, PlotSeries } from './Plot.tsx';
import { type Scale, nearestByX } from './scale.ts';

/** How near (px) a series' point must be to the hovered x to be listed in the tooltip. */
const HOVER_PX = 12;

interface Props {
  /** The pointer's x, px from the svg's left edge. */
  px: number;
  series: readonly PlotSeries[];
  sx: Scale;
  /** The plot area's left edge and the svg's width, px. */
  left: number;
  width: number;
  tooltip: NonNullable<PlotProps['tooltip']>;
}

export function PlotTooltip({ px, series, sx, left, width, tooltip }: Props) {
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
  const pointAt = sx(snap);
  return (
    // In the plot's far half from the point, so it never covers it nor leaves the chart.
    <div className="plot__tooltip" style={pointAt > left + (width - left) / 2 ? { left: left + 8 } : { right: 8 }} aria-hidden="true">
      <p className="plot__tooltip-title">{tooltip.title(snap)}</p>
      {rows.map((r) => (
        <p key={r.key} style={{ color: r.colour }}>
          {r.name}: {r.value}
        </p>
      ))}
    </div>
  );
}
