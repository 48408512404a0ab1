/**
 * Run history: every run this browser has trained (single runs and each run
 * of a race), kept in IndexedDB. Tick runs to overlay their curves and to
 * export them as CSV or JSON; import such a JSON file back.
 */
import { useCallback, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DamagedRecords } from '../components/DamagedRecords.tsx';
import { runsNotKept } from '../storage/failure.ts';
import { useStorageAvailability } from '../storage/useStorage.ts';
import { useLab } from '../store/index.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { count } from '../format.ts';
import * as actions from './historyActions.ts';
import { importFile } from './historyImport.ts';
import { useHistoryOverlay } from './useHistoryOverlay.ts';
import './history.css';

export function HistoryPanel() {
  const { t } = useTranslation();
  // Deferred: the running run's row is rewritten after every epoch (autoSave), and a table of many runs
  // renders in slices rather than in the IndexedDB callback that stored it.
  const rows = useDeferredValue(useLab((s) => s.history));
  const listed = useLab((s) => s.historyListed);
  const selected = useLab((s) => s.historySelected);
  const message = useLab((s) => s.historyMessage);
  const toggle = useLab((s) => s.toggleHistorySelected);
  const setSelected = useLab((s) => s.setHistorySelected);
  const live = useDeferredValue(useLab((s) => s.historyLive));
  const damaged = useLab((s) => s.historyDamaged);
  // Where nothing can be stored, the panel must not promise to keep runs.
  const keeping = useStorageAvailability() !== 'unavailable';
  const overlay = useHistoryOverlay();
  // Stable, so the memoised table skips the panel's other re-renders (an import's progress lines).
  const selectAll = useCallback((on: boolean) => setSelected(on ? useLab.getState().history.map((r) => r.id) : []), [setSelected]);
  const remove = useCallback((id: number) => void actions.deleteRun(id), []);
  const none = selected.length === 0;
  const kept = t('history.kept', { count: rows.length, n: count(rows.length) });

  useEffect(() => {
    void actions.whenListed();
  }, []);

  return (
    <section className="panel history" aria-labelledby="history-heading">
      <div className="panel__head">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <span className="history__count">
          {keeping ? (selected.length ? t('history.ticked', { kept, n: count(selected.length) }) : kept) : t('history.notKept')}
        </span>
      </div>
      {!keeping ? (
        <p className="notice" role="note">
          {runsNotKept()}
        </p>
      ) : rows.length > 0 ? (
        <HistoryTable rows={rows} selected={selected} onToggle={toggle} live={live} onSelectAll={selectAll} onRename={actions.renameRun} onDelete={remove} />
      ) : listed ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <p className="muted">{t('history.reading')}</p>
      )}
      {damaged.length > 0 ? <DamagedRecords list={damaged} what="run" onRemove={(key) => void actions.deleteRun(key)} /> : null}
      <div className="history__buttons">
        <button type="button" disabled={none} onClick={() => void actions.exportSelection('csv')}>
          {t('history.exportCsv')}
        </button>
        <button type="button" disabled={none} onClick={() => void actions.exportSelection('json')}>
          {t('history.exportJson')}
        </button>
        <button type="button" disabled={none} onClick={() => void actions.exportSelection('curves-csv')} title={t('history.exportCurvesHint')}>
          {t('history.exportCurves')}
        </button>
      </div>
      <label className="history__import">
        {t('history.import')}
        <input
          type="file"
          accept=".json,application/json"
          disabled={!keeping}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </label>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message${message.kind === 'error' ? ' message--error' : ''}`}>
          {message.text()}
        </p>
      ) : null}
      {none ? rows.length > 0 ? <p className="muted">{t('history.tickToOverlay')}</p> : null : <HistoryChart runs={overlay.runs} ticked={overlay.ticked} />}
    </section>
  );
}
