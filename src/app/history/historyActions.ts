/**
 * What the history panel and the auto-save do: between IndexedDB, files and
 * the store. The pure parts (records, JSON, CSV) live in record.ts and
 * exchange.ts; this file only connects them.
 */
import { MAX_NAME } from '../../shared/validate.ts';
import { asStorageError, storageProblem } from '../storage/failure.ts';
import { useLab } from '../store/index.ts';
import { curvesToCsv, fromJson, toCsv, toJson } from './exchange.ts';
import * as db from './historyDb.ts';
import type { HistoryRecord } from './record.ts';
import { summarize, uniqueName } from './record.ts';

const say = (kind: 'error' | 'info', text: string) => useLab.getState().setHistoryMessage({ kind, text });

export async function refreshHistory(): Promise<void> {
  try {
    const { records, damaged } = await db.listAll();
    useLab.getState().setHistory(records.map(summarize));
    useLab.getState().setHistoryDamaged(damaged);
  } catch (e) {
    // Unavailable storage has its own standing notice at the panel; other failures are news.
    if (asStorageError(e).kind !== 'unavailable') say('error', storageProblem('list-runs', e));
  }
}

/**
 * Stores records under names not yet in the history (so every "Overlay
 * <name>" is unique) and lists them. Returns their new ids. Throws on a
 * storage failure: the caller says what was being saved.
 */
export async function saveRecords(records: readonly HistoryRecord[]): Promise<number[]> {
  const taken = new Set((await db.listRecords()).map((r) => r.name));
  const named = records.map((r) => {
    const name = uniqueName(r.name, taken);
    taken.add(name);
    return { ...r, name };
  });
  const ids = await db.putRecords(named);
  await refreshHistory();
  return ids;
}

export async function renameRun(id: number, name: string): Promise<boolean> {
  const wanted = name.trim();
  if (!wanted) {
    say('error', 'A run needs a name: type one, or press Cancel.');
    return false;
  }
  if (wanted.length > MAX_NAME) {
    say('error', `A run’s name can have at most ${MAX_NAME} characters: shorten it, or press Cancel.`);
    return false;
  }
  const others = new Set(useLab.getState().history.filter((r) => r.id !== id).map((r) => r.name));
  if (others.has(wanted)) {
    say('error', `Another run is already called “${wanted}”: choose a different name.`);
    return false;
  }
  let found = false;
  try {
    found = await db.renameRecord(id, wanted);
    if (!found) say('error', 'That run is no longer in this browser’s storage.');
  } catch (e) {
    say('error', storageProblem('rename-run', e));
    return false;
  }
  await refreshHistory();
  return found;
}

/** Deletes a run, or a damaged record by its key. */
export async function deleteRun(id: IDBValidKey): Promise<void> {
  const name = useLab.getState().history.find((r) => r.id === id)?.name;
  try {
    await db.deleteRecord(id);
    say('info', name ? `Deleted “${name}”.` : 'Removed the damaged run.');
  } catch (e) {
    say('error', storageProblem('delete-run', e));
  }
  await refreshHistory();
}

/** The ticked runs in full (with curves), in the order they were ticked. */
async function selectedRecords(): Promise<db.StoredRecord[]> {
  const got = await Promise.all(useLab.getState().historySelected.map((id) => db.getRecord(id)));
  return got.filter((r): r is db.StoredRecord => r !== undefined);
}

function download(text: string, filename: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export type ExportKind = 'csv' | 'curves-csv' | 'json';

export async function exportSelection(kind: ExportKind): Promise<void> {
  let records: db.StoredRecord[];
  try {
    records = await selectedRecords();
  } catch (e) {
    return say('error', storageProblem('read-runs', e));
  }
  if (records.length === 0) return say('error', 'Tick at least one run to export.');
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  if (kind === 'json') download(toJson(records), `mnist-lab-history-${stamp}.json`, 'application/json');
  else if (kind === 'csv') download(toCsv(records), `mnist-lab-runs-${stamp}.csv`, 'text/csv');
  else download(curvesToCsv(records), `mnist-lab-curves-${stamp}.csv`, 'text/csv');
  say('info', `Exported ${records.length} run${records.length === 1 ? '' : 's'}.`);
}

/** Reads an exported history; valid runs are stored, listed and ticked for the overlay. */
export async function importFile(file: File): Promise<void> {
  if (file.size > 50 * 1024 * 1024) return say('error', `“${file.name}” is ${(file.size / 1048576).toFixed(0)} MB: far too large to be a mnist-lab run history.`);
  const parsed = fromJson(await file.text());
  if (!parsed.ok) return say('error', `“${file.name}”: ${parsed.message}`);
  try {
    const ids = await saveRecords(parsed.records);
    const s = useLab.getState();
    s.setHistorySelected([...s.historySelected, ...ids]);
    say('info', `Imported ${ids.length} run${ids.length === 1 ? '' : 's'} from “${file.name}”.`);
  } catch (e) {
    say('error', storageProblem('import-runs', e));
  }
}
