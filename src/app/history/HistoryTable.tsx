/**
 * The saved runs, newest first, PAGE_SIZE to a page (a thousand rows of
 * controls make every change of the list slow): a tick to overlay (and
 * export) each, its settings and final validation accuracy, and Rename /
 * Delete. Renaming is inline: the name becomes a text field until Save,
 * Cancel or Escape.
 */
import { memo, useState } from 'react';
import { runStyle } from '../components/race/racePalette.ts';
import { Figure } from '../components/Figure.tsx';
import { dateTime, pct } from '../format.ts';
import type { HistoryRecordSummary } from './record.ts';

export const PAGE_SIZE = 50;

/** One formatter for every row: `Date.toLocaleString` with options builds a new one per call (~1 ms each). */

export interface HistoryTableProps {
  rows: readonly HistoryRecordSummary[];
  /** Ticked ids in tick order. */
  selected: readonly number[];
  onToggle(id: number, on: boolean): void;
  onSelectAll(on: boolean): void;
  /** Resolves true when the new name was stored (the field then closes). */
  onRename(id: number, name: string): Promise<boolean>;
  onDelete(id: number): void;
  /** Records this page is still writing (a run or race that trains now): shown as running, not interrupted. */
  live?: readonly number[];
}

const NONE: readonly number[] = [];

function Swatch({ i }: { i: number }) {
  const look = runStyle(i);
  return (
    <svg className="history__swatch" width="22" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="21" y2="5" stroke={look.colour} strokeWidth="2.5" strokeDasharray={look.dash || undefined} />
    </svg>
  );
}

/** Memoised: the panel re-renders for each progress line of an import, the table only when its rows or ticks change. */
export const HistoryTable = memo(function HistoryTable({ rows, selected, onToggle, onSelectAll, onRename, onDelete, live = NONE }: HistoryTableProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [page, setPage] = useState(0);
  const places = new Map(selected.map((id, i) => [id, i]));
  const all = rows.length > 0 && rows.every((r) => places.has(r.id));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  // The list may have shrunk under the page shown (runs deleted).
  const at = Math.min(page, pages - 1);
  const shown = rows.slice(at * PAGE_SIZE, (at + 1) * PAGE_SIZE);

  const submit = (id: number) => {
    void onRename(id, draft).then((ok) => {
      if (ok) setEditing(null);
    });
  };

  return (
    <>
      <div className="history__list">
        <table className="history__table">
          <caption className="history__sr-only">Saved runs</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Overlay all runs" checked={all} onChange={(e) => onSelectAll(e.target.checked)} />
              </th>
              <th scope="col" className="history__name">
                Name
              </th>
              <th scope="col">Date</th>
              <th scope="col">Learning rate</th>
              <th scope="col">Momentum</th>
              <th scope="col">Epochs</th>
              <th scope="col">Validation accuracy</th>
              <th scope="col" className="history__status">
                Status
              </th>
              <th scope="col">
                <span className="history__sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const place = places.get(r.id) ?? -1;
              const running = live.includes(r.id);
              const acc = r.final.validationAccuracy;
              return (
                <tr key={r.id} className={place >= 0 ? 'history__row--selected' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Overlay ${r.name}`} checked={place >= 0} onChange={(e) => onToggle(r.id, e.target.checked)} />
                    {place >= 0 ? <Swatch i={place} /> : null}
                  </td>
                  <th scope="row" className="history__name">
                    {editing === r.id ? (
                      <form
                        className="history__rename"
                        onSubmit={(e) => {
                          e.preventDefault();
                          submit(r.id);
                        }}
                      >
                        <input
                          type="text"
                          aria-label={`Rename ${r.name}`}
                          value={draft}
                          maxLength={200}
                          // biome-ignore lint/a11y/noAutofocus: the field appears because the person pressed Rename; focus follows that press.
                          autoFocus
                          onChange={(e) => setDraft(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Escape') setEditing(null);
                          }}
                        />
                        <button type="submit" aria-label={`Save name for ${r.name}`}>
                          Save
                        </button>
                        <button type="button" aria-label={`Cancel renaming ${r.name}`} onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </form>
                    ) : (
                      r.name
                    )}
                    <span className="history__kind">
                      {r.kind === 'race' ? 'race run' : 'single run'}
                      {r.changes?.length ? ' · learning rate or momentum changed mid-run' : ''}
                    </span>
                    {r.message ? <span className="history__kind">{r.message}</span> : null}
                    {r.status === 'interrupted' && !running ? (
                      <span className="history__kind">ended early: the page was closed or the training worker stopped</span>
                    ) : null}
                  </th>
                  <td className="history__date">
                    <Figure text={dateTime(r.savedAt, { dateStyle: 'short', timeStyle: 'short' })} />
                  </td>
                  <td>{r.settings.learningRate}</td>
                  <td>{r.settings.momentum}</td>
                  <td>{r.epochsTrained === r.settings.epochs ? r.epochsTrained : `${r.epochsTrained} of ${r.settings.epochs}`}</td>
                  <td>
                    <Figure text={pct(acc, 1)} />
                  </td>
                  <td className={`history__status history__status--${running ? 'running' : r.status}`}>{running ? 'running' : r.status}</td>
                  <td>
                    <div className="history__actions">
                      {editing === r.id ? null : (
                        <button
                          type="button"
                          aria-label={`Rename ${r.name}`}
                          onClick={() => {
                            setDraft(r.name);
                            setEditing(r.id);
                          }}
                        >
                          Rename
                        </button>
                      )}
                      <button type="button" aria-label={`Delete ${r.name}`} onClick={() => onDelete(r.id)}>
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="history__pages" aria-label="Pages of runs">
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>
            Previous page
          </button>
          <span>
            Runs {(at * PAGE_SIZE + 1).toLocaleString('en')}–{(at * PAGE_SIZE + shown.length).toLocaleString('en')} of {rows.length.toLocaleString('en')}
          </span>
          <button type="button" disabled={at === pages - 1} onClick={() => setPage(at + 1)}>
            Next page
          </button>
        </nav>
      ) : null}
    </>
  );
});
