/**
 * The legend of the charts still drawn by recharts (accuracy by rotation),
 * in the hand-drawn charts' markup (PlotLegend). recharts' own legend names
 * every swatch "… legend icon", in English, for screen readers; here the
 * swatch is decoration and the name beside it is the text.
 * Pass it as `<Legend content={chartLegend} />`.
 */
import type { LegendPayload } from 'recharts';
import type { MarkerShape } from './plot/markers.ts';
import { type LegendEntry, PlotLegend } from './plot/PlotLegend.tsx';

const SHAPES: ReadonlySet<string> = new Set<MarkerShape>(['circle', 'cross', 'diamond', 'square', 'star', 'triangle']);

/** A series drawn as a line (its dash kept); anything else is a marker. */
const isLine = (type: string | undefined): boolean => type === undefined || type === 'line' || type === 'plainline' || type === 'dashed';

function dashOf(e: LegendPayload): string {
  const dash = (e.payload as { strokeDasharray?: unknown } | undefined)?.strokeDasharray;
  return typeof dash === 'string' ? dash : '';
}

function entryOf(e: LegendPayload): LegendEntry {
  const name = String(e.value ?? '');
  const colour = e.color ?? 'currentColor';
  if (isLine(e.type)) return { name, colour, dash: dashOf(e) };
  return { name, colour, shape: SHAPES.has(e.type ?? '') ? (e.type as MarkerShape) : 'circle' };
}

/** For `<Legend content={chartLegend} />`. */
export const chartLegend = (props: { payload?: readonly LegendPayload[] }) => (
  <PlotLegend entries={(props.payload ?? []).filter((e) => e.type !== 'none').map(entryOf)} />
);
