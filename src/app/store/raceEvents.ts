/**
 * How a race's worker events change its state. Collapse is judged here, on
 * the page: at learning rate 1 this network's loss spikes, its ReLUs die and
 * it settles on guessing one digit, with a finite loss. So a run has
 * collapsed when its validation accuracy is near chance (below 20 %) AND it
 * got there by breaking, not by never starting: its training loss once rose
 * above twice the loss of guessing (2·ln 10 nats), or it had been better than
 * 30 % before. A too-small learning rate sits near chance too after one
 * epoch, but it is slow, not collapsed.
 */
import { CHANCE_LOSS } from '../../train/divergence.ts';
import type { StreamEvent } from '../../worker/protocol.ts';
import type { RunNote } from '../runWords.ts';
import type { RaceRun, RaceState } from './raceSlice.ts';

export const COLLAPSE_ACCURACY = 0.2;

type RaceEvent = Extract<StreamEvent, { type: 'race-losses' | 'race-epoch' | 'race-run-end' | 'race-done' }>;

export function applyRaceEvent(race: RaceState, e: RaceEvent): RaceState {
  switch (e.type) {
    case 'race-losses': {
      const runs = race.runs.map((r, i) => {
        const mine = e.points.filter((p) => p.run === i);
        return mine.length ? { ...r, lossPoints: r.lossPoints.concat(mine.map(({ run: _r, ...p }) => p)) } : r;
      });
      return { ...race, runs, progress: e.progress, phase: race.phase === 'loading-data' ? 'training' : race.phase };
    }
    case 'race-epoch': {
      const runs = race.runs.map((r, i): RaceRun => {
        const mine = e.runs.find((x) => x.run === i);
        if (!mine) return r;
        const epoch = { epoch: e.epoch, trainLoss: mine.trainLoss, validation: mine.validation };
        // The frozen weights of a diverged run (its end came first), scored once: what the blow-up left.
        if (mine.diverged) return { ...r, epochs: [...r.epochs, epoch], note: afterDivergence(r.note, mine.validation.accuracy) };
        const collapsed = r.status === 'running' && mine.validation.accuracy < COLLAPSE_ACCURACY && brokeDown(r);
        return {
          ...r,
          epochs: [...r.epochs, epoch],
          status: collapsed ? 'collapsed' : r.status,
          note: collapsed ? { reason: 'collapsed', accuracy: mine.validation.accuracy } : r.note,
        };
      });
      return { ...race, runs };
    }
    case 'race-run-end': {
      const runs = race.runs.map((r, i): RaceRun => {
        if (i !== e.run) return r;
        const end = e.end;
        if (end.reason === 'diverged' || end.reason === 'early-stopped') return { ...r, status: end.reason, note: { ...end } };
        if (r.status === 'collapsed') return r;
        return { ...r, status: end.reason === 'completed' ? 'finished' : 'stopped' };
      });
      return { ...race, runs };
    }
    case 'race-done':
      return { ...race, phase: 'done', summary: e.summary, runs: race.runs.map((r) => (r.status === 'running' ? { ...r, status: 'stopped' } : r)) };
  }
}

/** A diverged run's note with what its frozen weights score on validation (0..1). */
const afterDivergence = (note: RunNote | null, accuracy: number): RunNote | null => (note?.reason === 'diverged' ? { ...note, accuracyAfter: accuracy } : note);

/** The epoch at which a run first reached `target` validation accuracy, or null. */
export function epochReaching(run: Pick<RaceRun, 'epochs'>, target = 0.9): number | null {
  return run.epochs.find((e) => e.validation.accuracy >= target)?.epoch ?? null;
}

/** The run blew up at some point (a loss above 2× chance) or had learned and lost it. */
function brokeDown(run: RaceRun): boolean {
  return run.lossPoints.some((p) => p.loss > 2 * CHANCE_LOSS) || run.epochs.some((e) => e.validation.accuracy >= 0.3);
}
