/**
 * Every run goes into the history by itself: a single run when it ends with
 * a reason (completed, stopped, or diverged, which is worth keeping: it is
 * instructive), and each run of a race when the race is done. The watcher
 * runs on every store change, so it only compares references and keys; the
 * record is built once, when a run ends.
 */
import type { LabState } from '../store/index.ts';
import { useLab } from '../store/index.ts';
import { saveRecords } from './historyActions.ts';
import type { HistoryRecord } from './record.ts';
import { recordFromRun, recordsFromRace } from './record.ts';

export type Watched = Pick<LabState, 'run' | 'race' | 'settings'>;

export interface AutoSaveDeps {
  save(records: HistoryRecord[]): Promise<unknown>;
  report(message: string): void;
  now?(): string;
}

/**
 * A store listener that saves each ended run once. Keys are 'run:<id>' and
 * 'race:<id>'; run ids restart at 1 when the page reloads, so they only
 * guard this page's life (the database gives every record its own id).
 */
export function createAutoSaver(deps: AutoSaveDeps): (state: Watched, prev: Watched) => void {
  const saved = new Set<string>();
  const now = deps.now ?? (() => new Date().toISOString());

  const keep = (key: string, what: string, records: HistoryRecord[]) => {
    saved.add(key);
    if (records.length === 0) return;
    deps.save(records).catch((e: unknown) => deps.report(`${what} could not be saved to the run history: ${e instanceof Error ? e.message : String(e)}.`));
  };

  return (state, prev) => {
    const { run, race } = state;

    if (run && run !== prev.run && run.phase === 'done' && run.done && !saved.has(`run:${run.id}`)) {
      const rec = recordFromRun(run, now());
      keep(`run:${run.id}`, 'The run', rec ? [rec] : []);
    }

    if (race && race !== prev.race && race.phase === 'done' && !saved.has(`race:${race.runId}`)) {
      keep(`race:${race.runId}`, 'The race', recordsFromRace(race, race.settings, now()));
    }
  };
}

/** Watches the page's store from now on; returns the unsubscribe. Call once, at start-up. */
export function startAutoSave(): () => void {
  return useLab.subscribe(
    createAutoSaver({
      save: saveRecords,
      report: (text) => useLab.getState().setHistoryMessage({ kind: 'error', text }),
    }),
  );
}
