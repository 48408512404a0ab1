/**
 * A chart's legend: each series' swatch (its line and dash, or its marker)
 * and its name. The swatch is decoration (aria-hidden); the name beside it
 * is the text.
 */
import { type MarkerShape, markerPath } from './markers.ts';

export interface LegendEntry {
  name: string;
  colour: string;
  /** Drawn as a line with this dash ('' = solid) unless `shape` is given. */
  dash?: string;
  shape?: MarkerShape;
}

export function PlotLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend plot__legend">
      {entries.map((e, i) => (
        <li key={i} className="chart-legend__item">
          <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" className="chart-legend__icon">
            {e.shape ? (
              <path d={markerPath(e.shape, 12, 6, 4.5)} fill={e.colour} />
            ) : (
              <line x1="1" y1="6" x2="23" y2="6" stroke={e.colour} strokeWidth="2.5" strokeDasharray={e.dash || undefined} />
            )}
          </svg>
          {e.name}
        </li>
      ))}
    </ul>
  );
}
