/**
 * Importing an exported run history without freezing the page. The file is
 * read and parsed (the one step that cannot be split), then its runs are
 * checked one by one and stored in chunks, the page getting a turn between
 * slices of work and a progress line when it takes more than a moment.
 *
 * Every run must be valid, or none is stored. A run already in the history
 * (the same content key: runKey.ts) is skipped, so importing a file twice
 * adds nothing the second time, and the message says how many were skipped.
 * If the browser's storage fails half way, the chunks already stored stay
 * (and are said to): importing the file again adds only what is missing.
 */
import { i18n } from '../../i18n/index.ts';
import { historyFileProblemText } from '../fileWords.ts';
import { count, num } from '../format.ts';
import { storageProblem } from '../storage/failure.ts';
import { useLab } from '../store/index.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_RUNS, readHistoryHeader, readHistoryRun } from './exchange.ts';
import { saveRecords, say, whenListed } from './historyActions.ts';
import type { HistoryRecord } from './record.ts';
import { runKey } from './runKey.ts';

/** Main-thread work between two turns of the event loop, ms: the page answers a click within about this. */
const SLICE_MS = 30;
/** Records per IndexedDB transaction: a few hundred KB to clone at most, so each write is short. */
const CHUNK = 50;

/** A macrotask turn: input and painting get their chance (a microtask would not give them one). */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let importing = false;

/** Reads an exported history; new valid runs are stored, listed and ticked for the overlay. */
export async function importFile(file: File): Promise<void> {
  if (importing) return say('error', () => i18n.t('history.importing.busy', { file: file.name }));
  importing = true;
  try {
    await importRuns(file);
  } finally {
    importing = false;
  }
}

async function importRuns(file: File): Promise<void> {
  const name = file.name;
  if (file.size > MAX_IMPORT_BYTES) {
    const size = file.size;
    return say('error', () =>
      i18n.t('history.importing.tooLarge', {
        file: name,
        size: num(size / 2 ** 20, 0),
        maxSize: count(MAX_IMPORT_BYTES / 2 ** 20),
        maxRuns: count(MAX_IMPORT_RUNS),
      }),
    );
  }
  say('info', () => i18n.t('history.importing.reading', { file: name }));
  await nextTurn();
  const header = readHistoryHeader(await file.text());
  if (!header.ok) {
    const problem = header.problem;
    return say('error', () => i18n.t('history.importing.refused', { file: name, problem: historyFileProblemText(problem) }));
  }
  await whenListed();
  const total = header.runs.length;

  // Check every run (and find the ones already kept) before storing any.
  const known = new Set(useLab.getState().history.map((r) => r.key));
  const fresh: HistoryRecord[] = [];
  let skipped = 0;
  let sliceStart = performance.now();
  for (let i = 0; i < total; i++) {
    const run = readHistoryRun(header.runs[i], i);
    if (!run.ok) {
      const problem = run.problem;
      return say('error', () => i18n.t('history.importing.refused', { file: name, problem: historyFileProblemText(problem) }));
    }
    const key = runKey(run.record);
    if (known.has(key)) skipped++;
    else {
      known.add(key);
      fresh.push(run.record);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      const at = i + 1;
      say('info', () => i18n.t('history.importing.checking', { file: name, at: count(at), total: count(total) }));
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  header.runs.length = 0; // the parsed file is not needed any more

  const ids: number[] = [];
  for (let k = 0; k < fresh.length; k += CHUNK) {
    try {
      ids.push(...(await saveRecords(fresh.slice(k, k + CHUNK))));
    } catch (e) {
      tick(ids);
      const stored = ids.length;
      return say('error', () =>
        i18n.t('history.importing.failed', {
          problem: storageProblem('import-runs', e),
          file: name,
          kept: stored
            ? i18n.t('history.importing.partlyStored', { count: stored, n: count(stored), total: count(fresh.length) })
            : i18n.t('history.importing.nothingStored'),
        }),
      );
    }
    if (fresh.length > CHUNK) {
      const done = ids.length;
      say('info', () => i18n.t('history.importing.storing', { file: name, done: count(done), total: count(fresh.length) }));
    }
    await nextTurn();
  }
  tick(ids);
  const imported = ids.length;
  say('info', () => importedMessage(name, imported, skipped));
}

/** Ticks the imported runs for the overlay and export, newest first after those already ticked. */
function tick(ids: readonly number[]): void {
  const s = useLab.getState();
  const mine = new Set(ids);
  // The list is kept newest first.
  const newest = s.history.filter((r) => mine.has(r.id)).map((r) => r.id);
  s.setHistorySelected([...s.historySelected, ...newest]);
}

/** What an import did: how many runs it stored, and how many it skipped as already kept. */
export function importedMessage(file: string, imported: number, skipped: number): string {
  const lead = i18n.t('history.importing.importedRuns', { count: imported, n: count(imported), file });
  if (skipped === 0) return i18n.t('history.importing.imported', { imported: lead });
  const values = { imported: lead, count: skipped, n: count(skipped) };
  return imported === 0 ? i18n.t('history.importing.allKnown', values) : i18n.t('history.importing.someKnown', values);
}
