/**
 * The learning-rate range test (Leslie Smith; fast.ai's lr_find): one click
 * sweeps the learning rate from 1e-6 to 10 over a few hundred batches from
 * the run's initial weights and plots the smoothed loss against it. The
 * suggestion uses fast.ai's "valley" rule; steepest descent is marked too.
 */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RANGE_TEST } from '../../train/rangeTest.ts';
import { smoothEma } from '../../train/smoothing.ts';
import * as lab from '../lab.ts';
import { useLab, workerBusy } from '../store/index.ts';
import { roundRate } from './LearningRateSlider.tsx';
import { settingText } from '../../shared/settings.ts';
import { readOptions } from '../format.ts';
import { rangeResultText } from '../runWords.ts';
import { problemText } from '../workerWords.ts';

const fmtLr = (v: number) => (v >= 0.01 ? String(roundRate(v)) : v.toExponential(0));

export function RangeTestPanel() {
  const rt = useLab((s) => s.rangeTest);
  const valid = useLab((s) => !!s.settings);
  const training = useLab((s) => !!s.run && s.run.phase !== 'done');
  const busy = useLab(workerBusy);
  const setField = useLab((s) => s.setField);
  const running = rt?.status === 'running';

  const data = useMemo(() => {
    if (!rt) return [];
    const smooth = smoothEma(
      rt.points.map((p) => p.loss),
      RANGE_TEST.smoothing,
    );
    return rt.points.map((p, i) => ({ lr: p.lr, loss: smooth[i] })).filter((d) => Number.isFinite(d.loss));
  }, [rt]);
  const s = rt?.suggestion ?? null;
  // Clip the blow-up at the end so the part that matters (where the loss falls) fills the chart.
  const yMax = data.length ? Math.min(Math.max(...data.map((d) => d.loss)), 1.5 * data[0].loss) : 1;

  return (
    <section className="panel range" aria-labelledby="range-heading">
      <div className="panel__head">
        <h2 id="range-heading">Find a learning rate</h2>
        <button type="button" onClick={running ? lab.stop : lab.startRangeTest} disabled={!running && (!valid || busy)}>
          {running ? 'Stop the range test' : 'Run the range test'}
        </button>
      </div>
      <p className="muted">
        The range test trains from the same starting weights while the learning rate grows from 10⁻⁶ to 10, one batch at a time. Too small and the loss does not
        move; in the right range it falls fast; too large and it explodes. A good learning rate sits where the loss is still falling steeply, before the bottom.
        Your trained model is not touched.
      </p>
      {rt ? (
        <>
          <div role="img" aria-label={`Range test: loss against learning rate, ${rt.points.length} points`}>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={data} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#d0d4dc" />
                <XAxis
                  dataKey="lr"
                  type="number"
                  scale="log"
                  domain={[RANGE_TEST.minLr, RANGE_TEST.maxLr]}
                  ticks={[1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10]}
                  tickFormatter={fmtLr}
                  label={{ value: 'Learning rate (log scale)', position: 'insideBottom', offset: -12 }}
                  allowDataOverflow
                />
                <YAxis
                  type="number"
                  domain={[0, yMax]}
                  allowDataOverflow
                  tickFormatter={(v: number) => v.toPrecision(2)}
                  label={{ value: 'Smoothed loss', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
                />
                <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} labelFormatter={(x) => `lr ${Number(x).toExponential(2)}`} />
                <Line dataKey="loss" name="Smoothed loss" stroke="#0072B2" dot={false} isAnimationActive={false} />
                {s ? (
                  <ReferenceLine x={s.valley} stroke="#009E73" strokeWidth={2} label={{ value: 'suggested', position: 'insideTopLeft', fill: '#00785a' }} />
                ) : null}
                {s ? (
                  <ReferenceLine
                    x={s.steepest}
                    stroke="#CC79A7"
                    strokeDasharray="5 4"
                    label={{ value: 'steepest', position: 'insideBottomLeft', fill: '#a0507f' }}
                  />
                ) : null}
              </LineChart>
            </ResponsiveContainer>
          </div>
          {rt.status === 'running' ? (
            <p role="status">
              Sweeping… {rt.points.length} of up to {RANGE_TEST.batches} batches
            </p>
          ) : null}
          {rt.status === 'failed' ? (
            <p role="alert" className="message message--error">
              {rt.problem ? problemText(rt.problem) : null}
            </p>
          ) : null}
          {rt.status === 'done' ? (
            <div className="range__result">
              <p role="status">
                {s ? (
                  <>
                    Suggested learning rate: <strong>{fmtLr(s.valley)}</strong> (valley rule, fast.ai's default) · steepest descent at {fmtLr(s.steepest)}.{' '}
                  </>
                ) : null}
                {rt.result ? rangeResultText(rt.result) : null}
              </p>
              {s ? (
                <button
                  type="button"
                  className="primary"
                  disabled={training}
                  onClick={() => setField('learningRate', settingText(roundRate(s.valley), readOptions()))}
                >
                  Use this learning rate
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
