/**
 * Every run goes into the history by itself, as it goes: a single run is
 * written after each epoch (status 'interrupted' until it ends) and rewritten
 * in place, under the same IndexedDB key, when it ends with its reason
 * (completed, stopped, diverged: a diverged run is worth keeping, it is
 * instructive), or as 'interrupted' if it ended without one (its worker
 * failed or died). A race's runs likewise, one record each, after each race
 * epoch and once more when the race is done. So a reload, a crash or a killed
 * worker leaves the run in the history with its curves up to its last epoch.
 * A run's accuracy by rotation arrives after its end: the record is written
 * once more then, and closed.
 *
 * The watcher runs on every store change (loss points arrive ~10 a second),
 * so it only compares references and counts; a record is built when there is
 * something new to write: an epoch, or the end.
 */
import { i18n } from '../../i18n/index.ts';
import { storageCause } from '../storage/failure.ts';
import type { LabState } from '../store/index.ts';
import { useLab } from '../store/index.ts';
import { saveRun } from './historyActions.ts';
import type { HistoryRecord } from './record.ts';
import { hasData, raceIdOf, recordFromRaceRun, recordFromRun } from './record.ts';

export type Watched = Pick<LabState, 'run' | 'race' | 'settings'>;

export interface AutoSaveDeps {
  /**
   * Writes a record: a new one when `id` is undefined (resolves to its id),
   * else record `id` in place (resolves to `id`, or null if it is gone).
   */
  save(record: HistoryRecord, id?: number): Promise<number | null>;
  /** A write failed: `text` words it when shown (see Notice). */
  report(text: () => string): void;
  /** Record `id` is being written as its run goes (true), or has had its last write (false). */
  live?(id: number, running: boolean): void;
  now?(): string;
}

/** One run's record as the saver follows it. */
interface Tracked {
  /** What was last taken to be written: epochs, and whether it was the end. */
  written: string;
  /** Fixed at the first write: the record's date. */
  savedAt: string;
  /** The record's id: undefined until its first write succeeds; null once it is gone (deleted). */
  id: number | null | undefined;
  /** A write is under way; the next waits, so that it knows the id. */
  busy: boolean;
  /** The latest record waiting for that write: only the latest, so a slow disk never builds a queue. */
  queued: { record: HistoryRecord; ended: boolean } | null;
  ended: boolean;
  /** Nothing more will come for it (ended, with its accuracy by rotation if one was due): later changes are not written. */
  closed: boolean;
}

/**
 * A store listener that keeps each run's record up to date. Keys are
 * 'run:<id>' and 'race:<id>:<index>'; run ids restart at 1 when the page
 * reloads, so they only guard this page's life (the database gives every
 * record its own id).
 */
export function createAutoSaver(deps: AutoSaveDeps): (state: Watched, prev: Watched) => void {
  const tracked = new Map<string, Tracked>();
  const reported = new Set<string>();
  /** A race's date, from its first write: its records share it, and their race id with it. */
  const raceDates = new Map<number, string>();
  const now = deps.now ?? (() => new Date().toISOString());

  /** Writes what is queued under `key`, one write at a time. */
  const flush = (key: string, t: Tracked, what: 'run' | 'race') => {
    const job = t.queued;
    if (t.busy || !job || t.id === null) return;
    t.queued = null;
    t.busy = true;
    const id = t.id;
    deps
      .save(job.record, id)
      .then(
        (stored) => {
          t.id = stored;
          if (stored !== null) deps.live?.(stored, !job.ended);
          else if (id !== undefined) deps.live?.(id, false);
        },
        (e: unknown) => {
          // Once per run, not once per epoch; the next write tries again.
          if (!reported.has(key))
            deps.report(() => i18n.t(what === 'run' ? 'history.messages.saveFailedRun' : 'history.messages.saveFailedRace', { cause: storageCause(e) }));
          reported.add(key);
          if (job.ended && id !== undefined && !t.queued) deps.live?.(id, false);
        },
      )
      .finally(() => {
        t.busy = false;
        flush(key, t, what);
      });
  };

  /**
   * Writes `build(t)` under `key` when `written` is news; `closed` closes the
   * key after it (`ended` and nothing more to come). `date()` gives the
   * record's date if this is its first write.
   */
  const write = (
    key: string,
    written: string,
    { ended, closed }: { ended: boolean; closed: boolean },
    what: 'run' | 'race',
    date: () => string,
    build: (t: Tracked) => HistoryRecord | null,
  ) => {
    let t = tracked.get(key);
    if (t?.closed || t?.written === written) return;
    if (!t) {
      t = { written, savedAt: date(), id: undefined, busy: false, queued: null, ended, closed };
      tracked.set(key, t);
    }
    t.written = written;
    t.ended = ended;
    t.closed = closed;
    const record = build(t);
    if (!record) return;
    t.queued = { record, ended };
    flush(key, t, what);
  };

  return (state, prev) => {
    const { run, race } = state;

    if (run && run !== prev.run && (run.epochs.length > 0 || run.phase === 'done')) {
      const ended = run.phase === 'done';
      const rotationDue = run.done?.reason === 'completed' || run.done?.reason === 'early-stopped';
      const closed = ended && (!rotationDue || run.rotation !== undefined);
      write(`run:${run.id}`, `${run.epochs.length}${ended ? ':end' : ''}${rotationMark(run.rotation)}`, { ended, closed }, 'run', now, (t) =>
        recordFromRun(run, t.savedAt),
      );
    }

    if (race && race !== prev.race) {
      const ended = race.phase === 'done';
      race.runs.forEach((r, i) => {
        // Before its first epoch a run has nothing worth a record yet, unless its story is over (diverged).
        if (!hasData(r) || (!ended && r.epochs.length === 0 && r.status === 'running')) return;
        const date = () => {
          if (!raceDates.has(race.runId)) raceDates.set(race.runId, now());
          return raceDates.get(race.runId)!;
        };
        // A comparison's runs get their accuracy by rotation after its end, unless it was stopped or failed.
        const closed = ended && (r.rotation !== undefined || r.status === 'stopped' || !!race.error);
        write(
          `race:${race.runId}:${i}`,
          `${r.epochs.length}:${r.status}${ended ? ':end' : ''}${rotationMark(r.rotation)}`,
          { ended, closed },
          'race',
          date,
          (t) => recordFromRaceRun(race, i, race.settings, t.savedAt, raceIdOf(race, t.savedAt)),
        );
      });
    }
  };
}

/** What of a run's accuracy by rotation a write took: none yet, or its rows. */
const rotationMark = (rows: readonly unknown[] | undefined): string => (rows === undefined ? '' : `:rot${rows.length}`);

/** Watches the page's store from now on; returns the unsubscribe. Call once, at start-up. */
export function startAutoSave(): () => void {
  return useLab.subscribe(
    createAutoSaver({
      save: saveRun,
      report: (text) => useLab.getState().setHistoryMessage({ kind: 'error', text }),
      live: (id, running) => useLab.getState().setHistoryLive(id, running),
    }),
  );
}
