/**
 * The learning-rate race: 2-6 networks trained side by side from the same
 * initial weights on the same batches, differing only in learning rate (and,
 * when given per run, momentum), so any difference between their curves is
 * those settings' doing. This file lays the panel out; each part selects only
 * what it shows, so the ten-a-second loss events re-render the chart and the
 * progress line only.
 */
import { useTranslation } from 'react-i18next';
import { markup } from '../../markup.ts';
import { useShallow } from 'zustand/react/shallow';
import { useState } from 'react';
import { CHANCE_LOSS } from '../../../train/divergence.ts';
import * as lab from '../../lab.ts';
import { count, duration, num, pct, rate, settingNumber } from '../../format.ts';
import { useLab } from '../../store/index.ts';
import { DEFAULT_COMPARE } from '../../store/draftsSlice.ts';
import { raceSummaryText } from '../../runWords.ts';
import { problemText } from '../../workerWords.ts';
import { CompareList } from './CompareList.tsx';
import { LearningRateList } from './LearningRateList.tsx';
import { RaceChart } from './RaceChart.tsx';
import { RaceTable } from './RaceTable.tsx';
import { listText } from './raceWords.ts';
import './race.css';

export function RacePanel() {
  const { t } = useTranslation();
  const hasRace = useLab((s) => s.race !== null);
  const error = useLab((s) => s.race?.error ?? null);
  const closing = useLab((s) => s.race?.summary ?? null);
  // A link that brings a comparison (`cmp=`) opens it, so what it asks for, and any problem with it, is in sight.
  const [compareOpen] = useState(() => useLab.getState().compareText !== DEFAULT_COMPARE);

  return (
    <section className="panel race" aria-labelledby="race-heading">
      <div className="panel__head">
        <h2 id="race-heading">{t('raceView.heading')}</h2>
        <RaceButtons />
      </div>
      {hasRace ? null : <p className="muted">{t('raceView.intro')}</p>}
      <LearningRateList />
      <details className="compare__more" open={compareOpen}>
        <summary>{t('raceView.more')}</summary>
        <CompareList />
      </details>
      <RaceProgress />
      {error ? (
        <p role="alert" className="message message--error">
          {problemText(error)}
        </p>
      ) : null}
      {closing && !error ? (
        <p role="status" className="message">
          {raceSummaryText(closing)}
        </p>
      ) : null}
      {hasRace ? (
        <>
          <div className="race__body">
            <RaceChart />
            <RaceExplanations />
          </div>
          <RaceTable />
        </>
      ) : null}
    </section>
  );
}

/** Pause/Resume and Stop while a race runs; Clear once it is over. */
function RaceButtons() {
  const { t } = useTranslation();
  const phase = useLab((s) => s.race?.phase ?? null);
  const clear = useLab((s) => s.clearRace);
  if (phase === null) return null;
  if (phase === 'done')
    return (
      <button type="button" onClick={clear}>
        {t('raceView.buttons.clear')}
      </button>
    );
  return (
    <div className="race__buttons">
      {phase === 'paused' ? (
        <button type="button" onClick={lab.resume}>
          {t('raceView.buttons.resume')}
        </button>
      ) : (
        <button type="button" onClick={lab.pause} disabled={phase === 'loading-data'}>
          {t('raceView.buttons.pause')}
        </button>
      )}
      <button type="button" onClick={lab.stop}>
        {t('raceView.buttons.stop')}
      </button>
    </div>
  );
}

function RaceProgress() {
  const { t } = useTranslation();
  const phase = useLab((s) => s.race?.phase ?? null);
  const epochs = useLab((s) => s.race?.epochs ?? 0);
  const p = useLab((s) => s.race?.progress ?? null);
  if (phase === null || phase === 'done') return null;
  if (phase === 'loading-data' || !p) return <p className="progress__stats">{t('raceView.loading')}</p>;
  return (
    <p className="progress__stats race__progress">
      {phase === 'paused' ? <strong>{t('raceView.paused')}</strong> : null}
      {t('raceView.progress', {
        epoch: count(p.epoch),
        epochs: count(epochs),
        batch: count(p.batch),
        batches: count(p.batchesPerEpoch),
        rate: rate(p.samplesPerSec),
        duration: duration(p.etaSec),
      })}
    </p>
  );
}

const NO_MOMENTA: never[] = [];

/** The momentum the explanation takes as its example: with 0.9 a learning rate acts ten times larger. */
const HIGH_MOMENTUM = 0.9;

/** What to look for, in the words of the curves. */
function RaceExplanations() {
  const { t } = useTranslation();
  const momenta = useLab(useShallow((s) => s.race?.runs.map((r) => r.momentum) ?? NO_MOMENTA));
  return (
    <div className="race__explain">
      <h3>{t('raceView.explain.heading')}</h3>
      <ul>
        <li>
          <strong>{t('raceView.explain.tooSmallLead')}</strong> {t('raceView.explain.tooSmall')}
        </li>
        <li>
          <strong>{t('raceView.explain.wellChosenLead')}</strong> {t('raceView.explain.wellChosen')}
        </li>
        <li>
          <strong>{t('raceView.explain.tooLargeLead')}</strong>{' '}
          {markup(t('raceView.explain.tooLarge', { chanceLoss: num(CHANCE_LOSS, 1), chanceAccuracy: pct(0.1, 0) }))}
        </li>
        <li>
          <strong>{t('raceView.explain.momentumLead')}</strong> {t('raceView.explain.momentum', { high: settingNumber(HIGH_MOMENTUM) })}{' '}
          <MomentumOfThisRace momenta={momenta} />
        </li>
      </ul>
    </div>
  );
}

/** The race's own momentum, or that its runs have several: each run's effective step is then in the table. */
function MomentumOfThisRace({ momenta }: { momenta: readonly number[] }) {
  const { t } = useTranslation();
  const distinct = [...new Set(momenta)];
  if (distinct.length > 1) return <>{t('raceView.explain.severalMomenta', { momenta: listText(distinct) })}</>;
  const momentum = distinct[0] ?? 0;
  if (momentum === 0) return <>{t('raceView.explain.noMomentum')}</>;
  return <>{t('raceView.explain.oneMomentum', { momentum: settingNumber(momentum), factor: settingNumber(Number((1 / (1 - momentum)).toPrecision(3))) })}</>;
}
