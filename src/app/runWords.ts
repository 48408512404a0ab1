/**
 * How a run, a race and a range test ended, in the page's language. The
 * worker sends codes and numbers (RunEnd, RaceSummary, RangeResult); the
 * store and the run history keep them as they are (RunNote), so a run saved
 * in one language reads in the other.
 */
import { i18n } from '../i18n/index.ts';
import type { DivergedLoss } from '../train/divergence.ts';
import type { RaceSummary, RangeResult, RunEnd } from '../worker/protocol.ts';
import { count, decimalMark, num, pct, settingNumber } from './format.ts';
import { COLLAPSE_ACCURACY } from './store/raceEvents.ts';

/**
 * Why a run ended as it did, worth telling beside its status: diverged (with
 * `accuracyAfter`, the validation accuracy of the weights the blow-up left,
 * 0..1, when a race scored them), stopped early, or, judged by the page,
 * collapsed to guessing (`accuracy`, 0..1). Plain data: the history stores it.
 */
export type RunNote =
  | (Extract<RunEnd, { reason: 'diverged' }> & { accuracyAfter?: number })
  | Extract<RunEnd, { reason: 'early-stopped' }>
  | { reason: 'collapsed'; accuracy: number };

/** A guess among ten digits, 0..1. */
const CHANCE = 0.1;

/** "became NaN", "rose to 4.0e4 nats, …". */
function lossText(loss: DivergedLoss): string {
  if (loss === 'nan') return i18n.t('worker.loss.nan');
  if (loss === 'infinite') return i18n.t('worker.loss.infinite');
  const nats = loss >= 1000 ? loss.toExponential(1).replace('e+', 'e').replace('.', decimalMark()) : num(loss, 1);
  return i18n.t('worker.loss.rose', { nats });
}

/** How a single run ended, as the line under its progress says it. */
export function runEndText(end: RunEnd): string {
  switch (end.reason) {
    case 'completed':
      return i18n.t('worker.run.completed', { count: end.epochs });
    case 'stopped':
      return end.epoch > 0 ? i18n.t('worker.run.stopped', { epoch: end.epoch }) : i18n.t('worker.run.stoppedBeforeTraining');
    case 'early-stopped':
      return i18n.t('worker.run.earlyStopped', { count: end.epoch - end.bestEpoch, best: end.bestEpoch, loss: num(end.bestLoss, 4) });
    case 'diverged':
      return i18n.t('worker.run.diverged', {
        what: lossText(end.loss),
        step: count(end.step),
        epoch: end.epoch,
        learningRate: settingNumber(end.learningRate),
      });
  }
}

/** What a race run's diverged weights are still worth. */
function afterText(accuracy: number): string {
  const values = { accuracy: pct(accuracy) };
  return accuracy < COLLAPSE_ACCURACY ? i18n.t('worker.raceRun.afterChance', values) : i18n.t('worker.raceRun.after', values);
}

/** Why run `name` of a race ended as it did ("lr = 10 diverged: …"). */
export function raceRunNoteText(note: RunNote, name: string): string {
  switch (note.reason) {
    case 'diverged': {
      const diverged = i18n.t('worker.raceRun.diverged', { name, what: lossText(note.loss), step: count(note.step), epoch: note.epoch });
      return note.accuracyAfter === undefined ? diverged : `${diverged} ${afterText(note.accuracyAfter)}`;
    }
    case 'early-stopped':
      return i18n.t('worker.raceRun.earlyStopped', { name, epoch: note.epoch, count: note.epoch - note.bestEpoch, best: note.bestEpoch });
    case 'collapsed':
      return i18n.t('worker.raceRun.collapsed', { accuracy: pct(note.accuracy), chance: pct(CHANCE, 0) });
  }
}

/** A run's note as the history shows it: a single run's in its own words, a race run's as "This run diverged: …". */
export const historyNoteText = (note: RunNote, kind: 'single' | 'race'): string =>
  kind === 'single' && note.reason !== 'collapsed' ? runEndText(note) : raceRunNoteText(note, i18n.t('history.thisRun'));

/** The race's closing line. */
export function raceSummaryText(s: RaceSummary): string {
  if (s.kind === 'stopped') return i18n.t('worker.race.stopped');
  const more = [
    s.earlyStopped ? i18n.t('worker.race.stoppedEarly', { count: s.earlyStopped }) : '',
    s.diverged ? i18n.t('worker.race.diverged', { count: s.diverged }) : '',
  ].join('');
  return i18n.t('worker.race.finished', { completed: s.completed, runs: s.runs, count: s.epochs, more });
}

/** How the range test ended (the suggestion itself is shown beside it). */
export function rangeResultText(r: RangeResult): string {
  switch (r.kind) {
    case 'stopped':
      return i18n.t('worker.range.stopped');
    case 'swept': {
      const values = { batches: count(r.batches), from: settingNumber(Number(r.from.toExponential(0))), to: settingNumber(Number(r.to.toPrecision(2))) };
      return r.blewUp ? i18n.t('worker.range.sweptBlewUp', values) : i18n.t('worker.range.swept', values);
    }
    case 'blew-up':
      return i18n.t('worker.range.blewUp');
  }
}
