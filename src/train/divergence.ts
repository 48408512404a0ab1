/**
 * When a run has diverged. NaN and ∞ are the obvious cases, but with
 * log-softmax a too-large learning rate rarely produces them: at learning
 * rate 10 the batch loss jumps from 2.3 to ~10¹⁰ nats within five batches,
 * then every ReLU dies and the loss sits at chance, finite forever. So a loss
 * also counts as diverged when it is both 4× above the best seen so far and
 * more than twice the loss of guessing uniformly (2·ln 10 ≈ 4.6 nats): far
 * worse than knowing nothing, which ordinary batch noise never reaches.
 */

/** Mean NLL of a uniform guess over 10 classes, nats. */
export const CHANCE_LOSS = Math.log(10);

export function isDivergedLoss(loss: number, best: number): boolean {
  if (!Number.isFinite(loss)) return true;
  return loss > 4 * best && loss > 2 * CHANCE_LOSS;
}

/**
 * How a diverged loss showed it, as the page words it: it became NaN, became
 * infinite, or rose to this many nats (finite). Plain data, so it survives
 * JSON (an exported run), where NaN and ∞ would turn into null.
 */
export type DivergedLoss = 'nan' | 'infinite' | number;

export function divergedLoss(loss: number): DivergedLoss {
  if (Number.isNaN(loss)) return 'nan';
  if (!Number.isFinite(loss)) return 'infinite';
  return loss;
}
