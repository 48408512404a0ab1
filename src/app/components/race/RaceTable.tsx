/**
 * The race's results, one row per run in the order the rates were entered:
 * the latest epoch's figures, how soon the run reached 90 %, how it ended,
 * and a button that shows its ROC and confusion matrix in the evaluation
 * panels. Rows change only when an epoch ends or a run stops, so the table
 * selects just those fields and stays still while the curves move.
 */
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { RaceRunStatus } from '../../store/raceSlice.ts';
import { useLab } from '../../store/index.ts';
import { runStyle } from './racePalette.ts';
import { raceRows } from './raceRows.ts';

const NONE: never[] = [];
/** The table's columns, for the explanation row that spans them. */
const COLUMNS = 10;

export function RaceTable() {
  const { t } = useTranslation();
  const rows = useRaceRows();
  const selected = useLab((s) => s.raceSelected);
  const select = useLab((s) => s.selectRaceRun);
  if (rows.length === 0) return null;

  return (
    <div className="race__results">
      <table className="race__table">
        <caption>{t('raceView.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('raceView.table.learningRate')}</th>
            <th scope="col">{t('raceView.table.momentum')}</th>
            <th scope="col" title={t('raceView.table.effectiveStepTitle')}>
              {t('raceView.table.effectiveStep')}
            </th>
            <th scope="col">{t('raceView.table.trainLoss')}</th>
            <th scope="col">{t('raceView.table.validationLoss')}</th>
            <th scope="col">{t('raceView.table.validationAccuracy')}</th>
            <th scope="col">{t('raceView.table.macroAuc')}</th>
            <th scope="col">{t('raceView.table.epochTo90')}</th>
            <th scope="col" className="race__status">
              {t('raceView.table.status')}
            </th>
            <th scope="col">
              <span className="race__sr-only">{t('raceView.table.panels')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <Fragment key={i}>
              <tr className={[selected === i ? 'race__row--selected' : '', row.explanation ? 'race__row--explained' : ''].join(' ').trim() || undefined}>
                <th scope="row">
                  <Swatch i={i} />
                  {row.learningRate}
                </th>
                <td>{row.momentum}</td>
                <td>{row.effectiveStep}</td>
                <td>{row.trainLoss}</td>
                <td>{row.validationLoss}</td>
                <td>{row.validationAccuracy}</td>
                <td>{row.macroAuc}</td>
                <td>{row.epochTo90}</td>
                <td className="race__status" aria-describedby={row.explanation ? `race-run-${i}-why` : undefined}>
                  <span className={`race__chip race__chip--${row.status}`} aria-hidden="true" />
                  {row.statusText}
                </td>
                <td>
                  <button
                    type="button"
                    aria-pressed={selected === i}
                    disabled={!row.evaluated}
                    onClick={() => select(i)}
                    aria-label={t('raceView.table.showName', { name: row.name })}
                    title={row.evaluated ? t('raceView.table.showTitle') : t('raceView.table.notYet')}
                  >
                    {selected === i ? t('raceView.table.shown') : t('raceView.table.show')}
                  </button>
                </td>
              </tr>
              {/* Why a run diverged or collapsed, across the whole row: in the status cell it made the row a column of words. */}
              {row.explanation ? (
                <tr className="race__explain-row">
                  <td colSpan={COLUMNS} id={`race-run-${i}-why`}>
                    {row.explanation}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" aria-pressed={selected === null} onClick={() => select(null)}>
          {t('raceView.table.single')}
        </button>
        <span className="race__why">{t('raceView.table.panelsNote')}</span>
      </div>
    </div>
  );
}

/** The run's line in the chart, so a row is found on the chart at a glance. */
function Swatch({ i }: { i: number }) {
  const look = runStyle(i);
  return (
    <svg className="race__swatch" width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke={look.colour} strokeWidth="3" strokeDasharray={look.dash || undefined} />
    </svg>
  );
}

/**
 * The table's inputs, selected field by field with shallow equality: a loss
 * event replaces the runs array and the runs it touches, but not these values
 * (a run's epochs array is kept until an epoch ends).
 */
function useRaceRows() {
  const rates = useLab(useShallow((s) => s.race?.runs.map((r) => r.learningRate) ?? NONE));
  const momenta = useLab(useShallow((s) => s.race?.runs.map((r) => r.momentum) ?? NONE));
  const statuses = useLab(useShallow((s): RaceRunStatus[] => s.race?.runs.map((r) => r.status) ?? NONE));
  const notes = useLab(useShallow((s) => s.race?.runs.map((r) => r.note) ?? NONE));
  const epochs = useLab(useShallow((s) => s.race?.runs.map((r) => r.epochs) ?? NONE));
  // A comparison's runs carry their own settings, which name them ("Adam, lr = 0.001"); set once when the race begins.
  const settings = useLab(useShallow((s) => s.race?.runs.map((r) => r.settings) ?? NONE));
  // The rows are worded in the page's language: a new language is new rows.
  const language = useTranslation().i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read by raceRows through the catalogue.
  return useMemo(
    () =>
      raceRows(
        rates.map((learningRate, i) => ({
          learningRate,
          momentum: momenta[i],
          status: statuses[i],
          note: notes[i],
          epochs: epochs[i],
          settings: settings[i],
        })),
      ),
    [rates, momenta, statuses, notes, epochs, settings, language],
  );
}
