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
        if (mine.diverged) return { ...r, epochs: [...r.epochs, epoch], message: `${r.message ?? ''} ${afterDivergence(mine.validation.accuracy)}`.trim() };
        const collapsed = r.status === 'running' && mine.validation.accuracy < COLLAPSE_ACCURACY && brokeDown(r);
        return {
          ...r,
          epochs: [...r.epochs, epoch],
          status: collapsed ? 'collapsed' : r.status,
          message: collapsed
            ? `Validation accuracy ${(mine.validation.accuracy * 100).toFixed(1)}%: near chance (10%). The network has collapsed to guessing one digit.`
            : r.message,
        };
      });
      return { ...race, runs };
    }
    case 'race-run-end': {
      const runs = race.runs.map((r, i): RaceRun => {
        if (i !== e.run) return r;
        if (e.reason === 'diverged') return { ...r, status: 'diverged', message: e.message };
        if (e.reason === 'early-stopped') return { ...r, status: 'early-stopped', message: e.message };
        if (r.status === 'collapsed') return r;
        return { ...r, status: e.reason === 'completed' ? 'finished' : 'stopped' };
      });
      return { ...race, runs };
    }
    case 'race-done':
      return { ...race, phase: 'done', message: e.message, runs: race.runs.map((r) => (r.status === 'running' ? { ...r, status: 'stopped' } : r)) };
  }
}

/** What a diverged run's frozen weights are worth, for its message. */
function afterDivergence(accuracy: number): string {
  const pct = `${(accuracy * 100).toFixed(1)}%`;
  return accuracy < COLLAPSE_ACCURACY
    ? `What the blow-up left scores ${pct} on the validation set: chance level. The network has collapsed to guessing.`
    : `What the blow-up left still scores ${pct} on the validation set.`;
}

/** The epoch at which a run first reached `target` validation accuracy, or null. */
export function epochReaching(run: Pick<RaceRun, 'epochs'>, target = 0.9): number | null {
  return run.epochs.find((e) => e.validation.accuracy >= target)?.epoch ?? null;
}

/** The run blew up at some point (a loss above 2× chance) or had learned and lost it. */
function brokeDown(run: RaceRun): boolean {
  return run.lossPoints.some((p) => p.loss > 2 * CHANCE_LOSS) || run.epochs.some((e) => e.validation.accuracy >= 0.3);
}
