/**
 * A chart's legend: each series' swatch and name. recharts' own legend names
 * every swatch "… legend icon", in English, for screen readers; here the
 * swatch is decoration (aria-hidden) and the name beside it is the text.
 * Pass it as `<Legend content={chartLegend} />`.
 */
import { type LegendPayload, Symbols, type SymbolsProps } from 'recharts';

type SymbolType = NonNullable<SymbolsProps['type']>;
const SYMBOLS: ReadonlySet<string> = new Set<SymbolType>(['circle', 'cross', 'diamond', 'square', 'star', 'triangle', 'wye']);

/** A series drawn as a line (its dash kept); anything else is a marker. */
const isLine = (type: string | undefined): boolean => type === undefined || type === 'line' || type === 'plainline' || type === 'dashed';

function dashOf(e: LegendPayload): string | undefined {
  const dash = (e.payload as { strokeDasharray?: unknown } | undefined)?.strokeDasharray;
  return typeof dash === 'string' && dash ? dash : undefined;
}

export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="chart-legend">
      {(payload ?? [])
        .filter((e) => e.type !== 'none')
        .map((e, i) => (
          <li key={i} className="chart-legend__item">
            <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" className="chart-legend__icon">
              {isLine(e.type) ? (
                <line x1="1" y1="6" x2="23" y2="6" stroke={e.color} strokeWidth="2.5" strokeDasharray={dashOf(e)} />
              ) : (
                <Symbols cx={12} cy={6} size={50} type={(SYMBOLS.has(e.type ?? '') ? e.type : 'circle') as SymbolType} fill={e.color} />
              )}
            </svg>
            {e.value}
          </li>
        ))}
    </ul>
  );
}

/** For `<Legend content={chartLegend} />`. */
export const chartLegend = (props: { payload?: readonly LegendPayload[] }) => <ChartLegend payload={props.payload} />;
