/**
 * What the history panel and the auto-save do: between IndexedDB, files and
 * the store. The pure parts (records, JSON, CSV) live in record.ts and
 * exchange.ts; this file only connects them.
 */
import { MAX_NAME } from '../../shared/validate.ts';
import { i18n } from '../../i18n/index.ts';
import { count } from '../format.ts';
import { asStorageError, storageProblem } from '../storage/failure.ts';
import { downloadText } from '../download.ts';
import { useLab } from '../store/index.ts';
import { curvesToCsv, toCsv, toJson } from './exchange.ts';
import * as db from './historyDb.ts';
import type { HistoryRecord } from './record.ts';
import { newestFirst, summarize, uniqueName } from './record.ts';

/** Shows a message at the panel; `text` words it when shown (see Notice). */
export const say = (kind: 'error' | 'info', text: () => string) => useLab.getState().setHistoryMessage({ kind, text });

let listed: Promise<void> | null = null;

/**
 * Reads the list from IndexedDB: once, when the page opens; every save after
 * that updates it by what it wrote. A run saved while the list was being read
 * is kept as saved (the read may predate it).
 */
export function refreshHistory(): Promise<void> {
  listed = db
    .listSummaries()
    .then(({ summaries, damaged }) => {
      const s = useLab.getState();
      const saved = new Set(s.history.map((r) => r.id));
      s.setHistory([...s.history, ...summaries.filter((r) => !saved.has(r.id))].sort(newestFirst));
      s.setHistoryDamaged(damaged);
    })
    .catch((e: unknown) => {
      // Unavailable storage has its own standing notice at the panel; other failures are news.
      if (asStorageError(e).kind !== 'unavailable') say('error', () => storageProblem('list-runs', e));
    });
  return listed;
}

/** Resolves once the list has been read (or failed to be): an import compares against it. */
export const whenListed = (): Promise<void> => listed ?? refreshHistory();

/** Names being written and not yet in the list: two runs saved at once still get different names. */
const naming = new Set<string>();

function freshNames(records: readonly HistoryRecord[]): HistoryRecord[] {
  const taken = new Set([...useLab.getState().history.map((r) => r.name), ...naming]);
  return records.map((r) => {
    const name = uniqueName(r.name, taken);
    taken.add(name);
    return { ...r, name };
  });
}

/**
 * Stores new records in one transaction under names not yet in the history
 * (so every "Overlay <name>" is unique) and adds them to the list. Returns
 * their new ids. Throws on a storage failure: the caller says what was being saved.
 */
export async function saveRecords(records: readonly HistoryRecord[]): Promise<number[]> {
  // The names to avoid are the list's: a run that ends its first epoch while a long history is still being read waits for it.
  await whenListed();
  const named = freshNames(records);
  for (const r of named) naming.add(r.name);
  try {
    const ids = await db.putRecords(named);
    useLab.getState().upsertHistory(named.map((r, i) => summarize({ ...r, id: ids[i] })));
    return ids;
  } finally {
    for (const r of named) naming.delete(r.name);
  }
}

/**
 * Writes one run as the auto-save keeps it: a new record when `id` is
 * undefined, else record `id` rewritten in place (it keeps its stored name).
 * Resolves to the record's id, or null when record `id` is gone (deleted
 * meanwhile: it is not brought back). Throws on a storage failure.
 */
export async function saveRun(record: HistoryRecord, id?: number): Promise<number | null> {
  if (id === undefined) return (await saveRecords([record]))[0];
  const stored = await db.updateRecord(id, record);
  if (!stored) return null;
  useLab.getState().upsertHistory([summarize(stored)]);
  return id;
}

export async function renameRun(id: number, name: string): Promise<boolean> {
  const wanted = name.trim();
  if (!wanted) {
    say('error', () => i18n.t('history.messages.needsName'));
    return false;
  }
  if (wanted.length > MAX_NAME) {
    say('error', () => i18n.t('history.messages.nameTooLong', { max: MAX_NAME }));
    return false;
  }
  const others = new Set(
    useLab
      .getState()
      .history.filter((r) => r.id !== id)
      .map((r) => r.name),
  );
  if (others.has(wanted)) {
    say('error', () => i18n.t('history.messages.nameTaken', { name: wanted }));
    return false;
  }
  let found = false;
  try {
    found = await db.renameRecord(id, wanted);
  } catch (e) {
    say('error', () => storageProblem('rename-run', e));
    return false;
  }
  const s = useLab.getState();
  const row = s.history.find((r) => r.id === id);
  if (!found) {
    say('error', () => i18n.t('history.messages.gone'));
    s.removeHistory(id);
  } else if (row) s.upsertHistory([{ ...row, name: wanted }]);
  return found;
}

/** Deletes a run, or a damaged record by its key. */
export async function deleteRun(id: IDBValidKey): Promise<void> {
  const s = useLab.getState();
  const name = s.history.find((r) => r.id === id)?.name;
  try {
    await db.deleteRecord(id);
    if (typeof id === 'number') useLab.getState().removeHistory(id);
    useLab.getState().setHistoryDamaged(useLab.getState().historyDamaged.filter((d) => d.key !== id));
    say('info', () => (name ? i18n.t('history.messages.deleted', { name }) : i18n.t('history.messages.removedDamaged')));
  } catch (e) {
    say('error', () => storageProblem('delete-run', e));
  }
}

/** The ticked runs in full (with curves), in the order they were ticked. */
async function selectedRecords(): Promise<db.StoredRecord[]> {
  const got = await Promise.all(useLab.getState().historySelected.map((id) => db.getRecord(id)));
  return got.filter((r): r is db.StoredRecord => r !== undefined);
}

export type ExportKind = 'csv' | 'curves-csv' | 'json';

export async function exportSelection(kind: ExportKind): Promise<void> {
  let records: db.StoredRecord[];
  try {
    records = await selectedRecords();
  } catch (e) {
    return say('error', () => storageProblem('read-runs', e));
  }
  if (records.length === 0) return say('error', () => i18n.t('history.messages.tickToExport'));
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  if (kind === 'json') downloadText(toJson(records), `mnist-lab-history-${stamp}.json`, 'application/json');
  else if (kind === 'csv') downloadText(toCsv(records), `mnist-lab-runs-${stamp}.csv`, 'text/csv');
  else downloadText(curvesToCsv(records), `mnist-lab-curves-${stamp}.csv`, 'text/csv');
  const n = records.length;
  say('info', () => i18n.t('history.messages.exported', { count: n, n: count(n) }));
}
