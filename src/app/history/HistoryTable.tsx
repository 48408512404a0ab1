/**
 * The saved runs, newest first, PAGE_SIZE to a page (a thousand rows of
 * controls make every change of the list slow): a tick to overlay (and
 * export) each, its settings and final validation accuracy, and Rename /
 * Delete. Renaming is inline: the name becomes a text field until Save,
 * Cancel or Escape.
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runStyle } from '../components/race/racePalette.ts';
import { Figure } from '../components/Figure.tsx';
import { count, dateTime, pct, settingNumber } from '../format.ts';
import { historyNoteText } from '../runWords.ts';
import type { HistoryRecordSummary } from './record.ts';

export const PAGE_SIZE = 50;

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
  const { t } = useTranslation();
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
          <caption className="history__sr-only">{t('history.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label={t('history.table.overlayAll')} checked={all} onChange={(e) => onSelectAll(e.target.checked)} />
              </th>
              <th scope="col" className="history__name">
                {t('history.table.name')}
              </th>
              <th scope="col">{t('history.table.date')}</th>
              <th scope="col">{t('history.table.learningRate')}</th>
              <th scope="col">{t('history.table.momentum')}</th>
              <th scope="col">{t('history.table.epochs')}</th>
              <th scope="col">{t('history.table.validationAccuracy')}</th>
              <th scope="col" className="history__status">
                {t('history.table.status')}
              </th>
              <th scope="col">
                <span className="history__sr-only">{t('history.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const place = places.get(r.id) ?? -1;
              const running = live.includes(r.id);
              const acc = r.final.validationAccuracy;
              // A note is a code, worded now; a record from before notes were codes keeps its English text.
              const note = r.note ? historyNoteText(r.note, r.kind) : r.message;
              const status = running ? 'running' : r.status;
              return (
                <tr key={r.id} className={place >= 0 ? 'history__row--selected' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('history.table.overlay', { name: r.name })}
                      checked={place >= 0}
                      onChange={(e) => onToggle(r.id, e.target.checked)}
                    />
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
                          aria-label={t('history.table.renameRun', { name: r.name })}
                          value={draft}
                          maxLength={200}
                          // biome-ignore lint/a11y/noAutofocus: the field appears because the person pressed Rename; focus follows that press.
                          autoFocus
                          onChange={(e) => setDraft(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Escape') setEditing(null);
                          }}
                        />
                        <button type="submit" aria-label={t('history.table.saveName', { name: r.name })}>
                          {t('history.table.save')}
                        </button>
                        <button type="button" aria-label={t('history.table.cancelRename', { name: r.name })} onClick={() => setEditing(null)}>
                          {t('history.table.cancel')}
                        </button>
                      </form>
                    ) : (
                      r.name
                    )}
                    <span className="history__kind">
                      {r.kind === 'race' ? t('history.table.raceRun') : t('history.table.singleRun')}
                      {r.changes?.length ? t('history.table.changed') : ''}
                    </span>
                    {note ? <span className="history__kind">{note}</span> : null}
                    {r.status === 'interrupted' && !running ? <span className="history__kind">{t('history.table.endedEarly')}</span> : null}
                  </th>
                  <td className="history__date">
                    <Figure text={dateTime(r.savedAt, { dateStyle: 'short', timeStyle: 'short' })} />
                  </td>
                  <td>{settingNumber(r.settings.learningRate)}</td>
                  <td>{settingNumber(r.settings.momentum)}</td>
                  <td>
                    {r.epochsTrained === r.settings.epochs
                      ? count(r.epochsTrained)
                      : t('history.table.epochsOf', { trained: count(r.epochsTrained), planned: count(r.settings.epochs) })}
                  </td>
                  <td>
                    <Figure text={pct(acc, 1)} />
                  </td>
                  <td className={`history__status history__status--${status}`}>{t(`history.status.${status}`)}</td>
                  <td>
                    <div className="history__actions">
                      {editing === r.id ? null : (
                        <button
                          type="button"
                          aria-label={t('history.table.renameRun', { name: r.name })}
                          onClick={() => {
                            setDraft(r.name);
                            setEditing(r.id);
                          }}
                        >
                          {t('history.table.rename')}
                        </button>
                      )}
                      <button type="button" aria-label={t('history.table.deleteRun', { name: r.name })} onClick={() => onDelete(r.id)}>
                        {t('history.table.delete')}
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
        <nav className="history__pages" aria-label={t('history.table.pages')}>
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>
            {t('history.table.previous')}
          </button>
          <span>{t('history.table.range', { from: count(at * PAGE_SIZE + 1), to: count(at * PAGE_SIZE + shown.length), total: count(rows.length) })}</span>
          <button type="button" disabled={at === pages - 1} onClick={() => setPage(at + 1)}>
            {t('history.table.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
});
