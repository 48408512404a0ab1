/**
 * The live loss chart: training loss by batch group (x in epochs) and
 * validation loss by epoch, with a log-scale option. recharts re-renders on
 * every loss event (≤ 10 a second); the series is decimated to a fixed
 * number of points so each render costs the same late in a run as early.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { decimate } from '../chart/decimate.ts';
import type { RunState } from '../store/runSlice.ts';
import { useLab } from '../store/index.ts';
import { EPOCH_PANELS_MS, LOSS_CURVE_MS, useThrottled } from '../useThrottled.ts';

const MAX_DRAWN = 600;
// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const TRAIN_COLOUR = '#0072B2';
const VALIDATION_COLOUR = '#D55E00';
const NO_MARKERS: RunState['markers'] = [];

export function LossChart() {
  const run = useLab((s) => s.run);
  const logLoss = useLab((s) => s.logLoss);
  const setLogLoss = useLab((s) => s.setLogLoss);
  // Deferred: a burst of loss events (or a slow frame) never stacks up renders; throttled: see useThrottled.
  const lossPoints = useDeferredValue(useThrottled(run?.lossPoints, LOSS_CURVE_MS));
  const epochResults = useDeferredValue(useThrottled(run?.epochs, EPOCH_PANELS_MS));

  const train = useMemo(
    () =>
      decimate(
        (lossPoints ?? []).map((p) => ({ x: p.epoch, y: p.loss })),
        MAX_DRAWN,
      ),
    [lossPoints],
  );
  const validation = useMemo(() => (epochResults ?? []).map((e) => ({ x: e.epoch, y: e.validation.loss })), [epochResults]);
  const epochs = run?.settings.epochs ?? 1;
  // The name counts what the run has, not what the (throttled) chart has drawn yet.
  const nTrain = run?.lossPoints.length ?? 0;
  const nValidation = run?.epochs.length ?? 0;
  const markers = run?.markers ?? NO_MARKERS;
  const best = lowestValidation(validation);
  // The line under the chart reads the live epochs, not the deferred ones: it is a few words, and
  // should state an epoch as soon as it ends even while the chart is still catching up.
  const liveEpochs = run?.epochs;
  const last = liveEpochs?.at(-1);
  const liveBest = useMemo(() => lowestValidation((liveEpochs ?? []).map((e) => ({ x: e.epoch, y: e.validation.loss }))), [liveEpochs]);

  return (
    <section className="panel chart" aria-labelledby="loss-heading">
      <div className="panel__head">
        <h2 id="loss-heading">Loss</h2>
        <label className="toggle">
          <input type="checkbox" checked={logLoss} onChange={(e) => setLogLoss(e.target.checked)} /> Log-scale loss
        </label>
      </div>
      <div
        role="img"
        aria-label={`Loss curves: ${nTrain} training points, ${nValidation} validation points${markers.length ? `, ${markers.length} learning-rate change${markers.length === 1 ? '' : 's'}` : ''}`}
        className="chart__area"
      >
        <LossPlot
          train={train}
          validation={validation}
          epochs={epochs}
          markers={markers}
          momentum={run?.settings.momentum}
          logLoss={logLoss}
          bestEpoch={best && validation.length > 1 ? best.x : null}
        />
      </div>
      {last ? (
        <p className="loss-gap">
          Epoch {last.epoch}: training loss {last.trainLoss.toFixed(4)} · validation loss {last.validation.loss.toFixed(4)} · gap{' '}
          <strong>{(last.validation.loss - last.trainLoss).toFixed(4)}</strong> nats
          {liveBest && liveEpochs!.length > 1 ? ` · lowest validation loss ${liveBest.y.toFixed(4)} at epoch ${liveBest.x}` : ''}
          {liveBest && last.epoch - liveBest.x >= 2 ? ': the network is fitting the training images, not digits (overfitting)' : ''}
        </p>
      ) : null}
    </section>
  );
}

interface PlotProps {
  /** Decimated training loss by batch group: x in epochs, y in nats. */
  train: readonly Point[];
  /** Validation loss by epoch, nats. */
  validation: readonly Point[];
  /** The run's planned length: the x axis. */
  epochs: number;
  markers: RunState['markers'];
  /** The run's momentum, so a marker names μ only where it changed. */
  momentum: number | undefined;
  logLoss: boolean;
  /** Where the lowest validation loss is marked, once there are two epochs to compare; null before. */
  bestEpoch: number | null;
}

type Point = { x: number; y: number };

/**
 * The chart itself, memoised: the loss events re-render LossChart ten times
 * a second with the same deferred series, and without this boundary each of
 * those urgent renders redrew recharts with the old data. On a busy 2-core
 * machine that kept the deferred render from ever finishing while a run
 * trained (the chart and the line under it stood still for epochs at a time).
 */
const LossPlot = memo(function LossPlot({ train, validation, epochs, markers, momentum, logLoss, bestEpoch }: PlotProps) {
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d0d4dc" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, epochs]}
          allowDecimals={false}
          tickCount={Math.min(epochs, 10) + 1}
          label={{ value: 'Epoch', position: 'insideBottom', offset: -12 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          scale={logLoss ? 'log' : 'linear'}
          domain={logLoss ? ['auto', 'auto'] : [0, 'auto']}
          allowDataOverflow={logLoss}
          tickFormatter={(v: number) => (v >= 10 ? v.toFixed(0) : v.toPrecision(2))}
          label={{ value: 'Loss (NLL, nats)', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
        />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} labelFormatter={(x) => `epoch ${Number(x).toFixed(2)}`} />
        <Legend verticalAlign="top" height={28} />
        <Line data={train} dataKey="y" name="Training loss (per batch group)" stroke={TRAIN_COLOUR} dot={false} strokeWidth={1.5} isAnimationActive={false} />
        {markers.map((m, i) => (
          <ReferenceLine
            key={i}
            x={m.epoch}
            stroke="#6b5b00"
            strokeDasharray="4 3"
            label={{
              value: `lr ${m.learningRate}${m.momentum !== momentum ? `, μ ${m.momentum}` : ''}`,
              position: 'insideTopRight',
              fill: '#6b5b00',
              fontSize: 12,
            }}
          />
        ))}
        {bestEpoch !== null ? (
          <ReferenceLine
            x={bestEpoch}
            stroke={VALIDATION_COLOUR}
            strokeDasharray="2 4"
            label={{ value: `lowest validation loss (epoch ${bestEpoch})`, position: 'insideTopLeft', fill: '#8a3c00', fontSize: 12 }}
          />
        ) : null}
        <Line
          data={validation}
          dataKey="y"
          name="Validation loss (per epoch)"
          stroke={VALIDATION_COLOUR}
          strokeWidth={2.5}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/** The epoch of the lowest validation loss, the one early stopping keeps. */
function lowestValidation(points: readonly { x: number; y: number }[]): { x: number; y: number } | null {
  let best: { x: number; y: number } | null = null;
  for (const p of points) if (Number.isFinite(p.y) && (!best || p.y < best.y)) best = p;
  return best;
}
