/**
 * One row of the race results table, as text in the page's language: the
 * latest epoch's figures of a run, how soon it reached 90 % validation
 * accuracy, and how it ended.
 */
import { i18n } from '../../../i18n/index.ts';
import type { RaceRun, RaceRunStatus } from '../../store/raceSlice.ts';
import { epochReaching } from '../../store/raceEvents.ts';
import { aucText } from '../eval/evalText.ts';
import { raceRunNames } from '../../runNames.ts';
import { raceRunNoteText } from '../../runWords.ts';
import { applies, field } from '../../../shared/settings.ts';
import { NOT_AVAILABLE, count, num, settingNumber } from '../../format.ts';

/** The parts of a RaceRun the table reads (none changes on a loss event). */
export type RaceRowInput = Pick<RaceRun, 'learningRate' | 'momentum' | 'status' | 'note' | 'epochs' | 'settings'>;

export interface RaceRow {
  /** "lr = 0.1" (or "lr = 0.1, μ = 0.9" when the race's momenta differ, "Adam, lr = 0.001" in a comparison), as in the chart's legend. */
  name: string;
  learningRate: string;
  momentum: string;
  /** lr / (1 − momentum): the step the run takes once momentum has built up; a dash, like momentum, for an optimizer without momentum (Adam). */
  effectiveStep: string;
  trainLoss: string;
  validationLoss: string;
  validationAccuracy: string;
  macroAuc: string;
  epochTo90: string;
  status: RaceRunStatus;
  /** The status in words: "finished", "concluído". */
  statusText: string;
  /** Why a diverged or collapsed run ended; null otherwise. */
  explanation: string | null;
  /** Whether the run has an evaluation the panels can show. */
  evaluated: boolean;
}

/** Where a figure does not exist yet, or for this optimizer: the page's "not available" dash. */
const DASH = NOT_AVAILABLE;

/** The table's rows, in race order; a run's name depends on the others (see raceRunNames). */
export function raceRows(runs: readonly RaceRowInput[]): RaceRow[] {
  const names = raceRunNames(runs);
  return runs.map((run, i) => raceRow(run, names[i]));
}

function raceRow(run: RaceRowInput, name: string): RaceRow {
  const last = run.epochs.at(-1);
  const reached = epochReaching(run, 0.9);
  // Adam, AdamW and Adagrad never read the form's momentum: a 0.5 and an lr / (1 − 0.5) in their row would be made up.
  const hasMomentum = !run.settings || applies(field('momentum'), run.settings.optimizer);
  return {
    name,
    learningRate: settingNumber(run.learningRate),
    momentum: hasMomentum ? settingNumber(run.momentum) : DASH,
    effectiveStep: hasMomentum ? settingNumber(Number((run.learningRate / (1 - run.momentum)).toPrecision(3))) : DASH,
    trainLoss: last ? nats(last.trainLoss) : DASH,
    validationLoss: last ? nats(last.validation.loss) : DASH,
    validationAccuracy: last ? num(last.validation.accuracy * 100, 1) : DASH,
    macroAuc: last ? aucText(last.validation.macroAuc) : DASH,
    epochTo90: reached === null ? DASH : count(reached),
    status: run.status,
    statusText: i18n.t(`raceView.status.${run.status}`),
    explanation: (run.status === 'diverged' || run.status === 'collapsed') && run.note ? raceRunNoteText(run.note, name) : null,
    evaluated: last !== undefined,
  };
}

/** NaN: no batch to average (a run that diverged on its epoch's first batch). */
function nats(v: number): string {
  if (Number.isNaN(v)) return DASH;
  return Number.isFinite(v) ? num(v, 3) : String(v);
}
