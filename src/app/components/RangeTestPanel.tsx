/**
 * The learning-rate range test (Leslie Smith; fast.ai's lr_find): one click
 * sweeps the learning rate from 1e-6 to 10 over a few hundred batches from
 * the run's initial weights and plots the smoothed loss against it. The
 * suggestion uses fast.ai's "valley" rule; steepest descent is marked too.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RANGE_TEST } from '../../train/rangeTest.ts';
import { smoothEma } from '../../train/smoothing.ts';
import * as lab from '../lab.ts';
import { useLab, workerBusy } from '../store/index.ts';
import { roundRate } from './LearningRateSlider.tsx';
import { settingText } from '../../shared/settings.ts';
import { markup } from '../markup.ts';
import { rangeResultText } from '../runWords.ts';
import { problemText } from '../workerWords.ts';
import { DataTable } from '../chart/DataTable.tsx';
import { count, num, readOptions } from '../format.ts';
import { DECADES, RangeChart, fmtLr } from './RangeChart.tsx';

/** The smoothed loss at the point nearest each power of ten (on the log axis), for the table; decades the sweep never reached are left out. */
export function lossAtDecades(data: readonly { lr: number; loss: number }[]): { lr: number; loss: number }[] {
  if (data.length === 0) return [];
  const lo = data[0].lr;
  const hi = data[data.length - 1].lr;
  return DECADES.filter((d) => d >= lo / Math.SQRT2 && d <= hi * Math.SQRT2).map((d) => {
    let best = data[0];
    for (const p of data) if (Math.abs(Math.log10(p.lr / d)) < Math.abs(Math.log10(best.lr / d))) best = p;
    return best;
  });
}

export function RangeTestPanel() {
  const { t } = useTranslation();
  const rt = useLab((s) => s.rangeTest);
  const valid = useLab((s) => !!s.settings);
  const training = useLab((s) => !!s.run && s.run.phase !== 'done');
  const busy = useLab(workerBusy);
  const setField = useLab((s) => s.setField);
  const running = rt?.status === 'running';

  const data = useMemo(() => {
    if (!rt) return [];
    const smooth = smoothEma(
      rt.points.map((p) => p.loss),
      RANGE_TEST.smoothing,
    );
    return rt.points.map((p, i) => ({ lr: p.lr, loss: smooth[i] })).filter((d) => Number.isFinite(d.loss));
  }, [rt]);
  const s = rt?.suggestion ?? null;

  return (
    <section className="panel range" aria-labelledby="range-heading">
      <div className="panel__head">
        <h2 id="range-heading">{t('range.heading')}</h2>
        <button type="button" onClick={running ? lab.stop : lab.startRangeTest} disabled={!running && (!valid || busy)}>
          {running ? t('range.stop') : t('range.run')}
        </button>
      </div>
      <p className="muted">{t('range.explain')}</p>
      {rt ? (
        <>
          <div role="img" aria-label={t('range.name', { count: rt.points.length, n: count(rt.points.length) })} className="range__chart">
            <RangeChart data={data} suggestion={s} />
          </div>
          <DataTable
            caption={t('range.table.caption')}
            columns={[t('range.table.learningRate'), t('range.table.loss')]}
            rows={lossAtDecades(data).map((p) => [fmtLr(p.lr), num(p.loss, 3)])}
          />
          {rt.status === 'running' ? <p role="status">{t('range.sweeping', { n: count(rt.points.length), max: count(RANGE_TEST.batches) })}</p> : null}
          {rt.status === 'failed' ? (
            <p role="alert" className="message message--error">
              {rt.problem ? problemText(rt.problem) : null}
            </p>
          ) : null}
          {rt.status === 'done' ? (
            <div className="range__result">
              <p role="status">
                {s ? markup(t('range.suggestion', { valley: fmtLr(s.valley), steepest: fmtLr(s.steepest) })) : null}
                {rt.result ? rangeResultText(rt.result) : null}
              </p>
              {s ? (
                <button
                  type="button"
                  className="primary"
                  disabled={training}
                  onClick={() => setField('learningRate', settingText(roundRate(s.valley), readOptions()))}
                >
                  {t('range.use')}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
