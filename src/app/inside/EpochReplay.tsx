/**
 * The Epoch slider under the evaluation charts: replays the confusion matrix,
 * the ROC curves, the accuracy by digit (all from the evaluations the page
 * already holds), the first-layer weights and the drawing's prediction (from
 * the weights the worker kept) as they were after any epoch of the run. At
 * the latest epoch the panels are live again. Says what the replay's memory
 * cap keeps.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { listAnd, num } from '../format.ts';
import { useLab } from '../store/index.ts';
import type { InsideSlice } from '../store/insideSlice.ts';
import { replayEpoch } from './insideActions.ts';
import './inside.css';

export function EpochReplay() {
  // A new run starts a new slider: no position left over from the last one.
  const runId = useLab((s) => s.run?.id ?? 0);
  return <ReplaySlider key={runId} />;
}

function ReplaySlider() {
  const { t } = useTranslation();
  const id = useId();
  const latest = useLab((s) => s.run?.epochs.at(-1)?.epoch ?? 0);
  const first = useLab((s) => s.run?.epochs[0]?.epoch ?? 1);
  const raceShown = useLab((s) => s.race !== null && s.raceSelected !== null);
  const chosen = useLab((s) => s.replayEpoch);
  const kept = useLab((s) => s.replayKept);
  // Where the slider is while the store catches up (replayEpoch hands it on at most every 100 ms).
  const [position, setPosition] = useState<number | null>(null);
  useEffect(() => {
    if (position !== null && (position >= latest ? null : position) === chosen) setPosition(null);
  }, [position, chosen, latest]);
  if (latest < 1 || raceShown) return null;

  const value = position ?? chosen ?? latest;
  const live = value >= latest;
  const where = t('inside.replay.value', { epoch: num(value, 0), latest: num(latest, 0) });
  const mode = live ? t('inside.replay.live') : t('inside.replay.replaying');
  return (
    <section className="panel replay" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="replay__heading">
        {t('inside.replay.heading')}
      </h2>
      <div className="replay__row">
        <label htmlFor={id} className="replay__label">
          {t('inside.replay.label')}
        </label>
        <input
          id={id}
          type="range"
          className="replay__slider"
          min={first}
          max={latest}
          step={1}
          value={value}
          disabled={latest <= first}
          aria-valuetext={`${where} (${mode})`}
          onChange={(e) => {
            const epoch = Number(e.target.value);
            setPosition(epoch);
            replayEpoch(epoch >= latest ? null : epoch);
          }}
        />
        <output htmlFor={id} className="replay__value">
          {where} · {mode}
        </output>
        {!live ? (
          <button
            type="button"
            onClick={() => {
              setPosition(latest);
              replayEpoch(null);
            }}
          >
            {t('inside.replay.back')}
          </button>
        ) : null}
      </div>
      <p className="eval-explain">{t('inside.replay.explain')}</p>
      {kept ? <p className="replay__memory">{memoryText(kept, t)}</p> : null}
    </section>
  );
}

const mb = (bytes: number, t: TFunction) => t('inside.megabytes', { value: num(bytes / 2 ** 20, bytes < 2 ** 20 ? 2 : 1) });

/** What the replay keeps: all of it, one epoch in `stride`, or nothing (one epoch over the cap). */
export function memoryText(kept: NonNullable<InsideSlice['replayKept']>, t: TFunction): string {
  const perEpoch = mb(kept.bytesPerEpoch, t);
  const cap = mb(kept.capBytes, t);
  if (kept.epochs.length === 0) return t('inside.replay.tooLarge', { perEpoch, cap });
  if (kept.stride > 1) return t('inside.replay.thinned', { perEpoch, cap, stride: num(kept.stride, 0), list: listAnd(kept.epochs.map((e) => num(e, 0))) });
  return t('inside.replay.memory', { perEpoch, cap });
}
