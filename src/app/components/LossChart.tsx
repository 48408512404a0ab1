/**
 * The live loss chart: training loss by batch group (x in epochs) and
 * validation loss by epoch, with a log-scale option. It may redraw on
 * every loss event (≤ 10 a second); the series is decimated to a fixed
 * number of points so each render costs the same late in a run as early.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { markup } from '../markup.ts';
import { DataTable } from '../chart/DataTable.tsx';
import { decimate } from '../chart/decimate.ts';
import { LOSS_TOOLTIP, epochAxis, lossAxis } from '../chart/lossAxes.ts';
import { Plot, type PlotRule, type PlotSeries } from '../chart/plot/Plot.tsx';
import { domainOf } from '../chart/plot/scale.ts';
import { count, loss3, num, settingNumber } from '../format.ts';
import { i18n } from '../../i18n/index.ts';
import type { EpochResult } from '../../worker/protocol.ts';
import type { RunState } from '../store/runSlice.ts';
import { useLab } from '../store/index.ts';
import { EPOCH_PANELS_MS, LOSS_CURVE_MS, useThrottled } from '../useThrottled.ts';

const MAX_DRAWN = 600;
// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const TRAIN_COLOUR = '#0072B2';
const VALIDATION_COLOUR = '#D55E00';
/** Dark yellow: the learning-rate changes, apart from both curves. */
const MARKER_COLOUR = '#6b5b00';
const NO_MARKERS: RunState['markers'] = [];

export function LossChart() {
  const { t } = useTranslation();
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

  const points = {
    training: t('loss.trainingPoints', { count: nTrain, n: count(nTrain) }),
    validation: t('loss.validationPoints', { count: nValidation, n: count(nValidation) }),
  };
  const name = markers.length
    ? t('loss.nameWithMarkers', { ...points, markers: t('loss.markers', { count: markers.length, n: count(markers.length) }) })
    : t('loss.name', points);

  return (
    <section className="panel chart" aria-labelledby="loss-heading">
      <div className="panel__head">
        <h2 id="loss-heading">{t('loss.heading')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={logLoss} onChange={(e) => setLogLoss(e.target.checked)} /> {t('loss.logScale')}
        </label>
      </div>
      <div role="img" aria-label={name} className="chart__area">
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
      <LossTable epochs={epochResults ?? []} markers={markers} momentum={run?.settings.momentum} />
      {last ? <LossGap last={last} best={liveBest} epochs={liveEpochs!.length} /> : null}
    </section>
  );
}

/**
 * The line under the chart: the last epoch's gap between validation and
 * training loss, the lowest validation loss, overfitting. Memoised: the
 * chart re-renders on every loss event, this line only when an epoch ends
 * (36 ms of i18next in half a second of a run on tfjs wasm here, before
 * it was, when react-i18next's Trans parsed the sentence on every render).
 */
const LossGap = memo(function LossGap({ last, best, epochs }: { last: EpochResult; best: { x: number; y: number } | null; epochs: number }) {
  const { t } = useTranslation();
  return (
    <p className="loss-gap">
      {markup(
        t('loss.gap', {
          epoch: count(last.epoch),
          trainLoss: num(last.trainLoss, 4),
          validationLoss: num(last.validation.loss, 4),
          gap: num(last.validation.loss - last.trainLoss, 4),
        }),
      )}
      {best && epochs > 1 ? t('loss.gapLowest', { loss: num(best.y, 4), epoch: count(best.x) }) : ''}
      {best && last.epoch - best.x >= 2 ? t('loss.overfitting') : ''}
    </p>
  );
});

/**
 * The chart's numbers for a screen reader: each epoch's mean training loss and validation loss, and where the
 * learning rate changed. Memoised: the chart re-renders on every loss event, the table only with the epochs.
 */
const LossTable = memo(function LossTable({
  epochs,
  markers,
  momentum,
}: {
  epochs: readonly EpochResult[];
  markers: RunState['markers'];
  momentum: number | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DataTable
        caption={t('loss.table.caption')}
        columns={[t('loss.table.epoch'), t('loss.table.training'), t('loss.table.validation')]}
        rows={epochs.map((e) => [count(e.epoch), loss3(e.trainLoss), loss3(e.validation.loss)])}
      />
      {markers.length ? (
        <p className="sr-only">
          {t('loss.table.changes')}: {markers.map((m) => t('loss.table.change', { epoch: num(m.epoch, 2), what: markerText(m, momentum) })).join('; ')}
        </p>
      ) : null}
    </>
  );
});

/** "lr 0.05", or "lr 0.05, μ 0.9" where momentum changed too. */
function markerText(m: RunState['markers'][number], momentum: number | undefined): string {
  return m.momentum !== momentum
    ? i18n.t('loss.markerMomentum', { learningRate: settingNumber(m.learningRate), momentum: settingNumber(m.momentum) })
    : i18n.t('loss.marker', { learningRate: settingNumber(m.learningRate) });
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
 * those urgent renders redrew the chart with the old data. On a busy 2-core
 * machine that kept the deferred render from ever finishing while a run
 * trained (the chart and the line under it stood still for epochs at a time).
 */
const LossPlot = memo(function LossPlot({ train, validation, epochs, markers, momentum, logLoss, bestEpoch }: PlotProps) {
  const { t } = useTranslation();
  const x = useMemo(() => epochAxis(epochs, t('loss.epochAxis')), [epochs, t]);
  const y = useMemo(() => {
    const ys = [...train, ...validation].map((p) => p.y);
    return lossAxis(domainOf(ys, { log: logLoss, fromZero: !logLoss, fallback: logLoss ? [0.1, 10] : [0, 3] }), logLoss, t('loss.lossAxis'));
  }, [train, validation, logLoss, t]);
  const series = useMemo<PlotSeries[]>(
    () => [
      { key: 'train', name: t('loss.trainingSeries'), points: train, colour: TRAIN_COLOUR, width: 1.5 },
      { key: 'validation', name: t('loss.validationSeries'), points: validation, colour: VALIDATION_COLOUR, width: 2.5, marker: { shape: 'circle', r: 4 } },
    ],
    [train, validation, t],
  );
  const rules = useMemo<PlotRule[]>(
    () => [
      ...markers.map((m) => ({ x: m.epoch, colour: MARKER_COLOUR, dash: '4 3', label: markerText(m, momentum), side: 'left' as const })),
      ...(bestEpoch !== null
        ? [
            {
              x: bestEpoch,
              colour: VALIDATION_COLOUR,
              textColour: '#8a3c00',
              dash: '2 4',
              label: t('loss.lowest', { epoch: count(bestEpoch) }),
              side: 'right' as const,
            },
          ]
        : []),
    ],
    [markers, momentum, bestEpoch, t],
  );
  return <Plot x={x} y={y} series={series} rules={rules} tooltip={LOSS_TOOLTIP} />;
});

/** The epoch of the lowest validation loss, the one early stopping keeps. */
function lowestValidation(points: readonly { x: number; y: number }[]): { x: number; y: number } | null {
  let best: { x: number; y: number } | null = null;
  for (const p of points) if (Number.isFinite(p.y) && (!best || p.y < best.y)) best = p;
  return best;
}
