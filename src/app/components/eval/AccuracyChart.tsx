/**
 * Validation accuracy after each epoch, and the test accuracy as one distinct
 * marker at the last epoch once the run has been tested. Reads only the
 * epoch list and the test evaluation, which change once an epoch, never on
 * loss events.
 */
import { useMemo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { chartLegend } from '../../chart/ChartLegend.tsx';
import { useLab } from '../../store/index.ts';
import { EPOCH_PANELS_MS, useThrottled } from '../../useThrottled.ts';
import { accuracyDomain, accuracyPoints, accuracyTicks, epochTicks } from './accuracySeries.ts';
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

  if (validation.length === 0 && testPoints.length === 0) return <p className="eval-hint">{notYet()}</p>;

  const maxEpoch = Math.max(plannedEpochs, lastEpoch);
  // The name carries every number the chart shows: it is the chart's text alternative.
  const points = [
    ...validation.map((p) => t('eval.accuracy.pointEpoch', { epoch: count(p.x), accuracy: pct2(p.y) })),
    ...testPoints.map((p) => t('eval.accuracy.pointTest', { accuracy: pct2(p.y) })),
  ].join(', ');

  return (
    <div role="img" aria-label={t('eval.accuracy.name', { points })} className="eval-chart">
      <ResponsiveContainer width="100%" height="100%">
        {/* No accessibility layer: its focusable, unnamed svg would sit inside the named image. */}
        <ComposedChart margin={{ top: 8, right: 72, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d4dc" />
          {/* Half an epoch of padding each side, so the first and last points are not cut by the axes. */}
          <XAxis
            type="number"
            dataKey="x"
            domain={[0.5, maxEpoch + 0.5]}
            ticks={epochTicks(maxEpoch)}
            allowDecimals={false}
            label={{ value: t('eval.accuracy.epochAxis'), position: 'insideBottom', offset: -12 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={domain}
            ticks={accuracyTicks(domain)}
            allowDataOverflow
            tickFormatter={(v: number) => pct(v / 100, 0)}
            label={{ value: t('eval.accuracy.accuracyAxis'), angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <ZAxis type="number" range={[150, 150]} />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? pct2(v) : String(v))}
            labelFormatter={(x) => t('eval.accuracy.tooltipEpoch', { epoch: count(Number(x)) })}
          />
          <Legend verticalAlign="top" height={28} content={chartLegend} />
          <Line
            data={validation}
            dataKey="y"
            name={t('eval.accuracy.validationSeries')}
            stroke={VALIDATION_COLOUR}
            strokeWidth={2.5}
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
          {testPoints.length > 0 ? (
            <Scatter
              data={testPoints}
              dataKey="y"
              name={t('eval.accuracy.testSeries', { accuracy: pct2(testPoints[0].y) })}
              fill={TEST_COLOUR}
              shape="diamond"
              legendType="diamond"
              isAnimationActive={false}
            >
              <LabelList dataKey="label" position="right" offset={10} fill={TEST_COLOUR} />
            </Scatter>
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
