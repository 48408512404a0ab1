/** A run's outcome in the training core, as the protocol's code and numbers for the page to word. */
import type { RunOutcome } from '../train/core.ts';
import { divergedLoss } from '../train/divergence.ts';
import type { RunEnd } from './protocol.ts';

export function runEndOf(o: RunOutcome): RunEnd {
  switch (o.kind) {
    case 'completed':
      return { reason: 'completed', epochs: o.epochs };
    case 'stopped':
      return { reason: 'stopped', epoch: o.epoch };
    case 'early-stopped':
      return { reason: 'early-stopped', epoch: o.epoch, bestEpoch: o.bestEpoch, bestLoss: o.bestLoss };
    case 'diverged':
      return { reason: 'diverged', epoch: o.epoch, step: o.step, loss: divergedLoss(o.loss), learningRate: o.hyper.learningRate };
  }
}
