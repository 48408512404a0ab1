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
import { countOf } from '../format.ts';
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
  if (importing) return say('error', `An import is already under way: “${file.name}” was not read. Try again when it ends.`);
  importing = true;
  try {
    await importRuns(file);
  } finally {
    importing = false;
  }
}

async function importRuns(file: File): Promise<void> {
  const where = `“${file.name}”`;
  if (file.size > MAX_IMPORT_BYTES) {
    return say(
      'error',
      `${where} is ${(file.size / 2 ** 20).toFixed(0)} MB; the lab imports at most ${MAX_IMPORT_BYTES / 2 ** 20} MB (and ${countOf(MAX_IMPORT_RUNS, 'run')}) at a time: split the file.`,
    );
  }
  say('info', `Reading ${where}…`);
  await nextTurn();
  const header = readHistoryHeader(await file.text());
  if (!header.ok) return say('error', `${where}: ${header.message}`);
  await whenListed();
  const total = header.runs.length;

  // Check every run (and find the ones already kept) before storing any.
  const known = new Set(useLab.getState().history.map((r) => r.key));
  const fresh: HistoryRecord[] = [];
  let skipped = 0;
  let sliceStart = performance.now();
  for (let i = 0; i < total; i++) {
    const run = readHistoryRun(header.runs[i], i);
    if (!run.ok) return say('error', `${where}: ${run.message}`);
    const key = runKey(run.record);
    if (known.has(key)) skipped++;
    else {
      known.add(key);
      fresh.push(run.record);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      say('info', `Checking ${where}: run ${(i + 1).toLocaleString('en')} of ${total.toLocaleString('en')}…`);
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
      const kept = ids.length
        ? `${countOf(ids.length, 'run')} of ${fresh.length.toLocaleString('en')} were stored before that; importing the file again adds only the others.`
        : 'Nothing was imported.';
      return say('error', `${storageProblem('import-runs', e)} (${where}) ${kept}`);
    }
    if (fresh.length > CHUNK) say('info', `Storing the runs of ${where}: ${ids.length.toLocaleString('en')} of ${fresh.length.toLocaleString('en')}…`);
    await nextTurn();
  }
  tick(ids);
  say('info', importedMessage(where, ids.length, skipped));
}

/** Ticks the imported runs for the overlay and export, newest first after those already ticked. */
function tick(ids: readonly number[]): void {
  const s = useLab.getState();
  const mine = new Set(ids);
  // The list is kept newest first.
  const newest = s.history.filter((r) => mine.has(r.id)).map((r) => r.id);
  s.setHistorySelected([...s.historySelected, ...newest]);
}

export function importedMessage(where: string, imported: number, skipped: number): string {
  if (skipped === 0) return `Imported ${countOf(imported, 'run')} from ${where}.`;
  const were = skipped === 1 ? 'was' : 'were';
  if (imported === 0)
    return `Imported 0 runs from ${where}: ${skipped === 1 ? 'its run was' : `all ${skipped.toLocaleString('en')} ${were}`} already in the history.`;
  return `Imported ${countOf(imported, 'run')} from ${where}; ${skipped.toLocaleString('en')} ${were} already in the history and ${skipped === 1 ? 'was' : 'were'} skipped.`;
}
