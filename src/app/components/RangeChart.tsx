/**
 * The range test's chart: the smoothed loss against the learning rate on a
 * log axis from the sweep's first rate to its last, with the suggested rate
 * (the valley) and the steepest descent as labelled rules. It redraws with
 * each batch of the sweep.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RANGE_TEST } from '../../train/rangeTest.ts';
import { Plot, type PlotAxis, type PlotRule, type PlotSeries } from '../chart/plot/Plot.tsx';
import type { LegendEntry } from '../chart/plot/PlotLegend.tsx';
import { linearTicks } from '../chart/plot/scale.ts';
import { decimalMark, num, settingNumber } from '../format.ts';
import { i18n } from '../../i18n/index.ts';
import { roundRate } from './LearningRateSlider.tsx';

/** A learning rate as the panel shows it: two significant digits ("0.12", "0,12"), or "5e-3" below 0.01. */
export const fmtLr = (v: number) => (v >= 0.01 ? settingNumber(roundRate(v)) : v.toExponential(0));

/** The sweep's powers of ten, 1e-6 to 10: the x axis's ticks and the table's rows. */
export const DECADES = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];
const LOSS_COLOUR = '#0072B2';
const NO_LEGEND: readonly LegendEntry[] = [];

interface Props {
  /** The smoothed loss at each rate of the sweep, finite, in the order swept (rising rates). */
  data: readonly { lr: number; loss: number }[];
  suggestion: { valley: number; steepest: number } | null;
}

export function RangeChart({ data, suggestion: s }: Props) {
  const { t } = useTranslation();
  // Clip the blow-up at the end so the part that matters (where the loss falls) fills the chart; the plot clips what lies above.
  const yMax = data.length ? Math.min(Math.max(...data.map((d) => d.loss)), 1.5 * data[0].loss) : 1;
  const x = useMemo<PlotAxis>(
    () => ({ domain: [RANGE_TEST.minLr, RANGE_TEST.maxLr], log: true, ticks: DECADES, format: fmtLr, label: t('range.lrAxis') }),
    [t],
  );
  const y = useMemo<PlotAxis>(() => {
    const top = yMax > 0 ? yMax : 1;
    return { domain: [0, top], ticks: linearTicks(0, top, 5), format: (v) => num(Number(v.toPrecision(2))), label: t('range.lossAxis') };
  }, [yMax, t]);
  const series = useMemo<PlotSeries[]>(
    () => [{ key: 'loss', name: t('range.series'), points: data.map((d) => ({ x: d.lr, y: d.loss })), colour: LOSS_COLOUR, width: 1.5 }],
    [data, t],
  );
  // Valley's label at the top and steepest's at the bottom: the two rates are often within a decade of each other.
  const rules = useMemo<PlotRule[]>(
    () =>
      s
        ? [
            { x: s.valley, colour: '#009E73', width: 2, dash: '', label: t('range.suggestedMark'), side: 'right', textColour: '#00785a' },
            { x: s.steepest, colour: '#CC79A7', dash: '5 4', label: t('range.steepestMark'), side: 'right', labelAt: 'bottom', textColour: '#a0507f' },
          ]
        : [],
    [s, t],
  );
  // No legend: one line, named by the y axis.
  return <Plot x={x} y={y} series={series} rules={rules} legend={NO_LEGEND} tooltip={tooltip} />;
}

/** Worded when shown, so in the page's language: "lr 3.16e-2", "lr 3,16e-2". */
const tooltip = {
  title: (x: number) => i18n.t('range.tooltipLr', { value: x.toExponential(2).replace('.', decimalMark()) }),
  value: (y: number) => num(y, 3),
};
