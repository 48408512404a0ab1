/**
 * A history record as data from outside: a run in an imported file
 * (exchange.ts) or a record read back from IndexedDB (historyDb.ts). One
 * schema for both, so whatever the page lists has been checked field by
 * field, and a problem is named by its path in the record.
 *
 * The bounds are far above what the lab writes; they only stop a wrong value
 * before it reaches a chart or a table.
 */
import { field } from '../../shared/settings.ts';
import { readSettings } from '../../shared/settingsSchema.ts';
import type { DivergedLoss } from '../../train/divergence.ts';
import type { ReadProblem, Reader } from '../../shared/validate.ts';
import { MAX_NAME, array, fraction, good, int, isoDate, name, number, object, oneOf, optional, refine, text } from '../../shared/validate.ts';
import type { RunNote } from '../runWords.ts';
import type { HistoryRecord } from './record.ts';
import { HISTORY_STATUSES } from './record.ts';

/** Training-curve points in a file; a denser curve than the lab stores is thinned on import. */
export const MAX_TRAIN_IN_FILE = 100_000;
/** A note in English, as records written before notes were codes hold it. */
const MAX_MESSAGE = 1000;
const MAX_CHANGES = 10_000;

const loss = number({ min: 0 });
const epoch = number({ min: 0 });

/** A number setting's range, from the settings table. */
function rangeOf(key: 'epochs' | 'learningRate' | 'momentum'): { min: number; max: number } {
  const f = field(key);
  return { min: f.min, max: f.max };
}

const curves = object({
  train: array(object({ epoch, loss }), { max: MAX_TRAIN_IN_FILE }),
  validation: array(object({ epoch, loss, accuracy: fraction }), { max: rangeOf('epochs').max }),
});

const final = object({
  trainLoss: optional(loss),
  validationLoss: optional(loss),
  validationAccuracy: optional(fraction),
  macroAuc: optional(fraction),
  testAccuracy: optional(fraction),
  epochToNinety: optional(int(1)),
});

/** How a diverged loss showed it: 'nan', 'infinite', or the nats it rose to. */
const divergedLoss: Reader<DivergedLoss> = (v, path) => (v === 'nan' || v === 'infinite' ? good(v) : number({ min: 0 })(v, path));

const NOTES = {
  diverged: object({
    reason: oneOf(['diverged']),
    epoch,
    step: int(0),
    loss: divergedLoss,
    // The rate the schedule gave at that batch, not a setting: only its sign is certain.
    learningRate: number({ min: 0 }),
    accuracyAfter: optional(fraction),
  }),
  'early-stopped': object({ reason: oneOf(['early-stopped']), epoch, bestEpoch: epoch, bestLoss: loss }),
  collapsed: object({ reason: oneOf(['collapsed']), accuracy: fraction }),
};

/** A run's note: its reason first, then that reason's numbers. */
const note: Reader<RunNote> = (v, path) => {
  const head = object({ reason: oneOf(Object.keys(NOTES) as (keyof typeof NOTES)[]) })(v, path);
  return head.ok ? NOTES[head.value.reason](v, path) : head;
};

/** Accuracy by rotation: a test accuracy per angle (degrees), at most one per degree of a half turn either way. */
const rotation = array(object({ angleDeg: number({ min: -180, max: 180 }), accuracy: fraction }), { max: 361 });

const fields = {
  name,
  savedAt: isoDate,
  kind: oneOf(['single', 'race']),
  raceId: optional(text({ max: MAX_NAME })),
  settings: readSettings,
  status: oneOf(HISTORY_STATUSES),
  note: optional(note),
  message: optional(text({ max: MAX_MESSAGE, empty: true })),
  changes: optional(array(object({ epoch, learningRate: number(rangeOf('learningRate')), momentum: number(rangeOf('momentum')) }), { max: MAX_CHANGES })),
  curves,
  final,
  rotation: optional(rotation),
};

/** One validation point per epoch trained: never more than the run's planned epochs. */
const consistent = <R extends Pick<HistoryRecord, 'settings' | 'curves'>>(r: R, path: string): ReadProblem | null =>
  r.curves.validation.length > r.settings.epochs
    ? { code: 'moreEpochsThanPlanned', path, points: r.curves.validation.length, epochs: r.settings.epochs }
    : null;

/** A run as a file holds it (no database id). */
export const readHistoryRecord: Reader<HistoryRecord> = refine(object(fields), consistent);

export type StoredRecord = HistoryRecord & { id: number };

/** A run as IndexedDB keeps it: the same fields and the database's id. */
export const readStoredRecord: Reader<StoredRecord> = refine(object({ id: int(1), ...fields }), consistent);
