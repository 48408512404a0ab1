/**
 * The learning-rate race: 2-6 networks trained side by side from the same
 * initial weights on the same batches, differing only in learning rate (and,
 * when given per run, momentum), so any difference between their curves is
 * those settings' doing. This file lays the panel out; each part selects only
 * what it shows, so the ten-a-second loss events re-render the chart and the
 * progress line only.
 */
import * as lab from '../../lab.ts';
import { duration, rate } from '../../format.ts';
import { useShallow } from 'zustand/react/shallow';
import { useState } from 'react';
import { useLab } from '../../store/index.ts';
import { DEFAULT_COMPARE } from '../../store/draftsSlice.ts';
import { raceSummaryText } from '../../runWords.ts';
import { problemText } from '../../workerWords.ts';
import { CompareList } from './CompareList.tsx';
import { LearningRateList } from './LearningRateList.tsx';
import { RaceChart } from './RaceChart.tsx';
import { RaceTable } from './RaceTable.tsx';
import './race.css';

export function RacePanel() {
  const hasRace = useLab((s) => s.race !== null);
  const error = useLab((s) => s.race?.error ?? null);
  const closing = useLab((s) => s.race?.summary ?? null);
  // A link that brings a comparison (`cmp=`) opens it, so what it asks for, and any problem with it, is in sight.
  const [compareOpen] = useState(() => useLab.getState().compareText !== DEFAULT_COMPARE);

  return (
    <section className="panel race" aria-labelledby="race-heading">
      <div className="panel__head">
        <h2 id="race-heading">Race learning rates</h2>
        <RaceButtons />
      </div>
      {hasRace ? null : (
        <p className="muted">
          A race trains one network per learning rate, from the same starting weights on the same batches, so any difference between the curves is the learning
          rate's doing. Give each run its own momentum too, and the same learning rate can race with and without momentum.
        </p>
      )}
      <LearningRateList />
      <details className="compare__more" open={compareOpen}>
        <summary>Compare any settings: optimizers, dropout, layer sizes, early stopping…</summary>
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
  const phase = useLab((s) => s.race?.phase ?? null);
  const clear = useLab((s) => s.clearRace);
  if (phase === null) return null;
  if (phase === 'done')
    return (
      <button type="button" onClick={clear}>
        Clear race
      </button>
    );
  return (
    <div className="race__buttons">
      {phase === 'paused' ? (
        <button type="button" onClick={lab.resume}>
          Resume race
        </button>
      ) : (
        <button type="button" onClick={lab.pause} disabled={phase === 'loading-data'}>
          Pause race
        </button>
      )}
      <button type="button" onClick={lab.stop}>
        Stop race
      </button>
    </div>
  );
}

function RaceProgress() {
  const phase = useLab((s) => s.race?.phase ?? null);
  const epochs = useLab((s) => s.race?.epochs ?? 0);
  const p = useLab((s) => s.race?.progress ?? null);
  if (phase === null || phase === 'done') return null;
  if (phase === 'loading-data' || !p) return <p className="progress__stats">Loading MNIST…</p>;
  return (
    <p className="progress__stats race__progress">
      {phase === 'paused' ? <strong>Paused · </strong> : null}
      Epoch {p.epoch} of {epochs} · batch {p.batch} of {p.batchesPerEpoch} · {rate(p.samplesPerSec)} samples/s (each trains every run) · about{' '}
      {duration(p.etaSec)} left
    </p>
  );
}

const NO_MOMENTA: never[] = [];

/** What to look for, in the words of the curves. */
function RaceExplanations() {
  const momenta = useLab(useShallow((s) => s.race?.runs.map((r) => r.momentum) ?? NO_MOMENTA));
  return (
    <div className="race__explain">
      <h3>Reading the race</h3>
      <ul>
        <li>
          <strong>Too small:</strong> slow progress. Each step barely moves the weights, so the loss hardly falls within an epoch and is still high at the end.
        </li>
        <li>
          <strong>Well chosen:</strong> a fast, steady fall in the first epoch, then a slow glide; the validation markers follow the line down.
        </li>
        <li>
          <strong>Too large:</strong> steps overshoot the valley, so the loss oscillates and spikes. At worst the run <em>diverges</em> (the loss explodes and
          the run is stopped) or <em>collapses</em>: its neurons die and it guesses one digit, stuck at chance (loss ≈ 2.3 nats, accuracy ≈ 10 %). Often both: a
          diverged run's weights are scored once at the end of that epoch, and its row shows what the blow-up left (select it: often every image lands in one
          column of its confusion matrix).
        </li>
        <li>
          <strong>Momentum</strong> adds a share of the previous step to each new one, so steps build up: on a steady slope the step is lr / (1 − momentum).
          With momentum 0.9 a learning rate acts ten times larger. Momentum can differ per run (Momentum per run, above): race one learning rate with momentum 0
          and 0.9 to see what it adds. <MomentumOfThisRace momenta={momenta} />
        </li>
      </ul>
    </div>
  );
}

/** The race's own momentum, or that its runs have several: each run's effective step is then in the table. */
function MomentumOfThisRace({ momenta }: { momenta: readonly number[] }) {
  const distinct = [...new Set(momenta)];
  if (distinct.length > 1) return <>This race’s runs use momenta {distinct.join(', ')}: each run’s effective step is in the table.</>;
  const momentum = distinct[0] ?? 0;
  if (momentum === 0) return <>This race uses no momentum.</>;
  return (
    <>
      This race uses momentum {momentum}: each learning rate acts {Number((1 / (1 - momentum)).toPrecision(3))}× larger.
    </>
  );
}
