/**
 * Validation accuracy after each epoch, and the test accuracy as one distinct
 * marker at the last epoch once the run has been tested. Reads only the
 * epoch list and the test evaluation, which change once an epoch, never on
 * loss events.
 */
import { useMemo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Plot, type PlotAxis, type PlotSeries } from '../../chart/plot/Plot.tsx';
import type { LegendEntry } from '../../chart/plot/PlotLegend.tsx';
import { i18n } from '../../../i18n/index.ts';
import { useLab } from '../../store/index.ts';
import { EPOCH_PANELS_MS, useThrottled } from '../../useThrottled.ts';
import { wholeTicks } from '../../chart/plot/scale.ts';
import { accuracyDomain, accuracyPoints, accuracyTicks } from './accuracySeries.ts';
import { count, pct } from '../../format.ts';
import { notYet } from './evalText.ts';

// Same Okabe–Ito vermillion as validation loss on the loss chart.
const VALIDATION_COLOUR = '#D55E00';
const TEST_COLOUR = '#000000';

/** An accuracy in percent (the chart's unit) with two decimals: "91.23%", "91,23 %". */
const pct2 = (v: number) => pct(v / 100, 2);

export function AccuracyChart() {
  const { t } = useTranslation();
  // Deferred like the other evaluation panels: rendered in slices, never blocking; throttled (see useThrottled).
  const epochs = useDeferredValue(
    useThrottled(
      useLab((s) => s.run?.epochs),
      EPOCH_PANELS_MS,
    ),
  );
  const test = useDeferredValue(useLab((s) => s.run?.done?.test ?? null));
  const plannedEpochs = useLab((s) => s.run?.settings.epochs ?? 1);

  const validation = useMemo(() => accuracyPoints(epochs ?? []), [epochs]);
  const lastEpoch = validation.at(-1)?.x ?? 1;
  const testPoints = useMemo(() => (test ? [{ x: lastEpoch, y: test.accuracy * 100, label: t('eval.accuracy.testMark') }] : []), [test, lastEpoch, t]);
  const domain = useMemo(() => accuracyDomain([...validation, ...testPoints].map((p) => p.y)), [validation, testPoints]);

  const maxEpoch = Math.max(plannedEpochs, lastEpoch);
  // Half an epoch of padding each side, so the first and last points are not cut by the axes.
  const xAxis = useMemo<PlotAxis>(
    () => ({ domain: [0.5, maxEpoch + 0.5], ticks: wholeTicks(1, maxEpoch), format: (v) => count(v), label: t('eval.accuracy.epochAxis') }),
    [maxEpoch, t],
  );
  const yAxis = useMemo<PlotAxis>(
    () => ({ domain, ticks: accuracyTicks(domain), format: (v) => pct(v / 100, 0), label: t('eval.accuracy.accuracyAxis') }),
    [domain, t],
  );
  const series = useMemo<PlotSeries[]>(
    () => [
      {
        key: 'validation',
        name: t('eval.accuracy.validationSeries'),
        points: validation,
        colour: VALIDATION_COLOUR,
        width: 2.5,
        marker: { shape: 'circle', r: 4 },
      },
      ...(testPoints.length
        ? [
            {
              key: 'test',
              name: t('eval.accuracy.testMark'),
              points: testPoints,
              colour: TEST_COLOUR,
              width: 0,
              marker: { shape: 'diamond', r: 6 },
              labels: testPoints.map((p) => p.label),
            } satisfies PlotSeries,
          ]
        : []),
    ],
    [validation, testPoints, t],
  );

  const legend = useMemo<LegendEntry[]>(
    () => [
      { name: t('eval.accuracy.validationSeries'), colour: VALIDATION_COLOUR, dash: '' },
      ...(testPoints.length
        ? [{ name: t('eval.accuracy.testSeries', { accuracy: pct2(testPoints[0].y) }), colour: TEST_COLOUR, shape: 'diamond' as const }]
        : []),
    ],
    [testPoints, t],
  );

  if (validation.length === 0 && testPoints.length === 0) return <p className="eval-hint">{notYet()}</p>;

  // The name carries every number the chart shows: it is the chart's text alternative.
  const points = [
    ...validation.map((p) => t('eval.accuracy.pointEpoch', { epoch: count(p.x), accuracy: pct2(p.y) })),
    ...testPoints.map((p) => t('eval.accuracy.pointTest', { accuracy: pct2(p.y) })),
  ].join(', ');

  return (
    <div role="img" aria-label={t('eval.accuracy.name', { points })} className="eval-chart">
      <Plot x={xAxis} y={yAxis} series={series} legend={legend} right={72} tooltip={tooltip} />
    </div>
  );
}

const tooltip = { title: (x: number) => i18n.t('eval.accuracy.tooltipEpoch', { epoch: count(x) }), value: pct2 };
