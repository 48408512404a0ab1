/**
 * "Accuracy by rotation" inside the worker: every run's test accuracy on the
 * official test set turned by each of ROTATION_ANGLES, for a run's end, a
 * comparison's end and, on demand, a loaded model. The rotated sets come
 * from data/rotatedSets.ts's cache (built once per page, 0.15 s of CPU an
 * angle), so only the forward passes are paid per run.
 *
 * It yields to the event loop after each chunk: a readback may resolve as a
 * microtask (cpu backend), and the heartbeat, a Stop or a Reset must get
 * their turn during the six or seven passes over 10,000 images. A stop
 * abandons the measurement (null): a stopped job ends within one chunk.
 */
import type { ImageSet } from '../data/dataset.ts';
import { ROTATION_ANGLES } from '../data/rotatedSets.ts';
import { accuracyByRotation } from '../train/accuracyByRotation.ts';
import type { PredictGroup } from '../train/predictRuns.ts';
import { yieldToEventLoop } from '../shared/yield.ts';
import type { RotationResult } from './protocol.ts';

export interface RotationOptions {
  /** Asked before each chunk: true abandons the measurement. */
  stopRequested?(): boolean;
  /**
   * Test accuracy at 0° per global run where the caller has it already (a
   * single run's test pass is exactly the 0° pass): that angle is not run again.
   */
  upright?: readonly number[];
  angles?: readonly number[];
  /** After each forward pass: how many of the measurement's passes are done, of how many (a progress figure, and a sign of life). */
  onChunk?(done: number, total: number): void;
}

/**
 * Images per forward pass. Smaller than an evaluation's 1,000: the
 * measurement runs while the student draws, saves or downloads, and each of
 * those waits for the pass under way (on a loaded 2-core machine a pass of
 * 1,000 took seconds on SwiftShader and the page's "Download" timed out).
 */
export const ROTATION_CHUNK = 250;

class Abandoned extends Error {}

/**
 * Every listed run's accuracy at each angle, in global run order; runs left
 * out of `runs` (diverged) are not reported. Null when stopped.
 */
export async function measureRotation(
  groups: readonly PredictGroup[],
  test: ImageSet,
  runs: ReadonlySet<number> | null,
  options: RotationOptions = {},
): Promise<RotationResult | null> {
  const angles = options.angles ?? ROTATION_ANGLES;
  const upright = options.upright;
  const measured = upright ? angles.filter((a) => a !== 0) : angles;
  const rows: { run: number; accuracy: Float64Array }[] = [];
  const measuredGroups = groups.filter((g) => !runs || g.runs.some((r) => runs.has(r)));
  const total = measuredGroups.length * measured.length * Math.ceil(test.count / ROTATION_CHUNK);
  let done = 0;
  try {
    for (const { engine, runs: members } of measuredGroups) {
      const predict = async (x: Float32Array, n: number) => {
        if (options.stopRequested?.()) throw new Abandoned();
        const out = await engine.predictLogProbs(x, n);
        options.onChunk?.(++done, total);
        await yieldToEventLoop();
        return out;
      };
      const byRun = await accuracyByRotation(predict, test, {
        runs: members.length,
        angles: measured,
        classes: engine.arch.sizes.at(-1),
        chunk: ROTATION_CHUNK,
      });
      members.forEach((run, k) => {
        if (runs && !runs.has(run)) return;
        const accuracy = new Float64Array(angles.length);
        angles.forEach((a, i) => {
          accuracy[i] = upright && a === 0 ? upright[run] : byRun[k][measured.indexOf(a)].accuracy;
        });
        rows.push({ run, accuracy });
      });
    }
  } catch (e) {
    if (e instanceof Abandoned) return null;
    throw e;
  }
  rows.sort((a, b) => a.run - b.run);
  return { angles: [...angles], runs: rows };
}

/** The typed arrays of a measurement, for the transfer list. */
export function rotationBuffers(r: RotationResult): ArrayBufferView[] {
  return r.runs.map((x) => x.accuracy);
}
