/**
 * What the page's epoch × loss charts share (the live loss chart, the race
 * and the history overlay), so that they read alike: margin, grid, the epoch
 * axis, the loss axis's label and ticks, and a run drawn as a training line
 * with a marker per epoch. Props and elements rather than components:
 * recharts finds its axes and series among the chart's own children.
 */
import { Line, Scatter } from 'recharts';
import type { RunStyle } from '../components/race/racePalette.ts';
import type { RunSeries } from '../components/race/raceSeries.ts';
import { num } from '../format.ts';

export const CHART_MARGIN = { top: 8, right: 24, bottom: 24, left: 8 };
export const GRID_PROPS = { strokeDasharray: '3 3', stroke: '#d0d4dc' };

/** 0.1, 2.5, 100, then 1e4, 1e8: the log axis spans up to ten decades when a run explodes. */
export const lossTick = (v: number): string => (v < 1000 ? num(Number(v.toPrecision(2))) : v.toExponential(0).replace('e+', 'e'));

/** The x axis in epochs, 0 to the run's planned epochs, a tick per epoch up to ten. */
export function epochAxisProps(epochs: number, label: string) {
  return {
    type: 'number',
    dataKey: 'x',
    domain: [0, epochs],
    allowDecimals: false,
    tickCount: Math.min(epochs, 10) + 1,
    label: { value: label, position: 'insideBottom', offset: -12 },
  } as const;
}

/** The loss axis's label, written upwards beside it. */
export const lossAxisLabel = (value: string) => ({ value, angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }) as const;

/** One run: its training loss as a line in its colour and dash, its validation loss as its marker per epoch (named apart, not in the legend). */
export function runElements(key: string, series: RunSeries, look: RunStyle, name: string, validationName: string) {
  return [
    <Line
      key={`t${key}`}
      data={series.train}
      dataKey="y"
      name={name}
      stroke={look.colour}
      strokeDasharray={look.dash || undefined}
      strokeWidth={1.5}
      dot={false}
      legendType="plainline"
      isAnimationActive={false}
    />,
    <Scatter
      key={`v${key}`}
      data={series.validation}
      dataKey="y"
      name={validationName}
      fill={look.colour}
      shape={look.shape}
      legendType="none"
      isAnimationActive={false}
    />,
  ];
}
