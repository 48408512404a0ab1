/**
 * From the race's runs to what the chart draws: per run, the training loss
 * smoothed (TensorBoard's EMA with bias correction) and then thinned to a
 * fixed number of points, and the validation loss per epoch. Smoothing comes
 * first so the EMA sees every point the worker sent; thinning only averages
 * neighbours of an already smooth curve.
 */
import { CHANCE_LOSS } from '../../../train/divergence.ts';
import { smoothEma } from '../../../train/smoothing.ts';
import { decimate } from '../../chart/decimate.ts';
import type { XY } from '../../chart/decimate.ts';

/** The parts of a RaceRun the chart reads. */
export interface RaceSeriesInput {
  lossPoints: readonly { epoch: number; loss: number }[];
  epochs: readonly { epoch: number; validation: { loss: number } }[];
}

export interface RunSeries {
  /** x: fractional epoch, y: smoothed training loss, nats. */
  train: XY[];
  /** x: epoch (its end), y: validation loss, nats. */
  validation: XY[];
}

/** Points drawn per run's training curve: six runs stay a few thousand SVG points. */
export const MAX_POINTS_PER_RUN = 400;

export function raceSeries(runs: readonly RaceSeriesInput[], smoothing: number, maxPoints = MAX_POINTS_PER_RUN): RunSeries[] {
  return runs.map((run) => {
    const smooth = smoothEma(
      run.lossPoints.map((p) => p.loss),
      smoothing,
    );
    const train = run.lossPoints.map((p, i) => ({ x: p.epoch, y: smooth[i] })).filter((p) => Number.isFinite(p.y));
    const validation = run.epochs.map((e) => ({ x: e.epoch, y: e.validation.loss })).filter((p) => Number.isFinite(p.y));
    return { train: decimate(train, maxPoints), validation };
  });
}

/**
 * Top of the linear loss axis, nats: three times a uniform guess's loss
 * (3 · ln 10 ≈ 6.9), rounded up. A run at a large learning rate can report
 * 10⁹ nats before it is judged diverged; drawn to scale, that would press
 * every other curve flat against zero. Above this it runs off the top; the
 * log scale shows it whole.
 */
export const LINEAR_LOSS_CEILING = Math.ceil(3 * CHANCE_LOSS);

/** The loss axis's range: linear from 0 (clipped at the ceiling), log over whole decades of the data. */
export function lossDomain(series: readonly RunSeries[], log: boolean): [number, number] {
  const ys = series.flatMap((s) => [...s.train, ...s.validation].map((p) => p.y)).filter((y) => Number.isFinite(y) && (!log || y > 0));
  if (ys.length === 0) return log ? [0.1, 10] : [0, Math.ceil(CHANCE_LOSS)];
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of ys) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  if (log) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    return [10 ** a, 10 ** b];
  }
  // Half-nat steps keep the top of the axis a round number.
  return [0, Math.min(LINEAR_LOSS_CEILING, Math.max(0.5, Math.ceil(hi * 2) / 2))];
}
