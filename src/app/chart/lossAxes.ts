/**
 * What the page's epoch × loss charts share (the live loss chart, the race
 * and the history overlay), so that they read alike: the epoch axis, the
 * loss axis and its ticks, and a run drawn as a training line with a marker
 * per epoch.
 */
import type { RunStyle } from '../components/race/racePalette.ts';
import type { RunSeries } from '../components/race/raceSeries.ts';
import { count, num } from '../format.ts';
import { i18n } from '../../i18n/index.ts';
import type { PlotAxis, PlotSeries } from './plot/Plot.tsx';
import { linearTicks, logTicks, wholeTicks } from './plot/scale.ts';

/** 0.1, 2.5, 100, then 1e4, 1e8: the log axis spans up to ten decades when a run explodes. */
const lossTick = (v: number): string => (v < 1000 ? num(Number(v.toPrecision(2))) : v.toExponential(0).replace('e+', 'e'));

/** The x axis in epochs, 0 to the run's planned epochs. */
export function epochAxis(epochs: number, label: string): PlotAxis {
  const n = Math.max(1, Math.ceil(epochs));
  return { domain: [0, n], ticks: wholeTicks(0, n), format: (v) => count(v), label };
}

/** The loss axis over `domain`: a tick per decade on a log axis, about five round ones on a linear one. */
export function lossAxis(domain: readonly [number, number], log: boolean, label: string): PlotAxis {
  return { domain, log, ticks: log ? logTicks(domain[0], domain[1]) : linearTicks(domain[0], domain[1], 5), format: lossTick, label };
}

/** A loss chart's tooltip: the epoch to two decimals, each loss to four (worded when shown, so in the page's language). */
export const LOSS_TOOLTIP = { title: (x: number) => i18n.t('loss.tooltipEpoch', { epoch: num(x, 2) }), value: (y: number) => num(y, 4) };

/** One run: its training loss as a line in its colour and dash, its validation loss as its marker per epoch (named apart, not in the legend). */
export function runSeries(key: string, series: RunSeries, look: RunStyle, name: string, validationName: string): PlotSeries[] {
  return [
    { key: `t${key}`, name, points: series.train, colour: look.colour, dash: look.dash, width: 1.5 },
    { key: `v${key}`, name: validationName, points: series.validation, colour: look.colour, width: 0, marker: { shape: look.shape, r: 4.5 }, noLegend: true },
  ];
}
