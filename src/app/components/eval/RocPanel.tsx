/**
 * One-vs-rest ROC curves of the ten digits, with each digit's AUC in a legend
 * whose entries hide and show the curves. Series are rebuilt only when the
 * evaluation or a display option changes.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../chart/DataTable.tsx';
import { Plot, type PlotAxis, type PlotSeries } from '../../chart/plot/Plot.tsx';
import { num, pct } from '../../format.ts';
import type { Evaluation } from '../../../worker/protocol.ts';
import { useLab } from '../../store/index.ts';
import { aucText, notYet } from './evalText.ts';
import { CHANCE_COLOUR, DIGIT_COLOURS, DIGIT_DASHES } from './palette.ts';
import { type XY, TABLE_FPRS, chanceLine, fprFloor, fprTicks, fprTickText, rocSeries, splitCurves, tprAt } from './rocSeries.ts';
import { useShownEvaluation } from './useShownEvaluation.ts';

const TPR_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

export function RocPanel() {
  const { t } = useTranslation();
  const { evaluation, label } = useShownEvaluation();
  const logFpr = useLab((s) => s.rocLogFpr);
  const setLogFpr = useLab((s) => s.setRocLogFpr);

  return (
    <section className="panel eval-panel" aria-labelledby="roc-heading">
      <div className="panel__head">
        <h2 id="roc-heading">{t('eval.roc.heading')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={logFpr} onChange={(e) => setLogFpr(e.target.checked)} /> {t('eval.roc.logAxis')}
        </label>
      </div>
      {evaluation ? <RocBody evaluation={evaluation} label={label} logFpr={logFpr} /> : <p className="eval-hint">{notYet()}</p>}
      <p className="eval-explain">{t('eval.roc.explain')}</p>
    </section>
  );
}

/** Memoised, like the confusion matrix's body: the ten curves render once per evaluation, in the deferred pass. */
const RocBody = memo(function RocBody({ evaluation, label, logFpr }: { evaluation: Evaluation; label: string; logFpr: boolean }) {
  const { t } = useTranslation();
  const hidden = useLab((s) => s.rocHidden);
  const curves = useMemo(() => splitCurves(evaluation), [evaluation]);
  const floor = useMemo(() => fprFloor(curves), [curves]);
  const series = useMemo(() => rocSeries(curves, { hidden, logFpr, floor }), [curves, hidden, logFpr, floor]);
  const chance = useMemo(() => chanceLine(logFpr, floor), [logFpr, floor]);
  const xAxis = useMemo<PlotAxis>(
    () => ({
      domain: logFpr ? [floor, 1] : [0, 1],
      log: logFpr,
      ticks: fprTicks(logFpr, floor),
      format: fprTickText,
      label: logFpr ? t('eval.roc.fprAxisLog') : t('eval.roc.fprAxis'),
    }),
    [logFpr, floor, t],
  );
  const yAxis = useMemo<PlotAxis>(() => ({ domain: [0, 1], ticks: TPR_TICKS, format: (v) => num(v), label: t('eval.roc.tprAxis') }), [t]);
  // No names: the legend beside the chart names the digits (and hides them); the table below carries the numbers.
  const plotSeries = useMemo<PlotSeries[]>(
    () => [
      { key: 'chance', points: chance, colour: CHANCE_COLOUR, dash: '4 4', width: 1 },
      ...series.map((s) => ({ key: String(s.digit), points: s.points, colour: DIGIT_COLOURS[s.digit], dash: DIGIT_DASHES[s.digit], width: 2 })),
    ],
    [chance, series],
  );

  if (curves.every((c) => c.length === 0)) {
    return (
      <>
        <p className="eval-caption">{label}</p>
        <p className="eval-hint">{t('eval.roc.noCurves')}</p>
      </>
    );
  }
  const shownDigits = series.map((s) => s.digit);

  return (
    <>
      <p className="eval-caption">{label}</p>
      <div className="roc">
        <div
          role="img"
          className="eval-chart roc__chart"
          aria-label={t('eval.roc.name', {
            digits: shownDigits.join(', ') || t('eval.roc.noneShown'),
            scale: logFpr ? t('eval.roc.scaleLog') : t('eval.roc.scaleLinear'),
          })}
        >
          <Plot x={xAxis} y={yAxis} series={plotSeries} />
        </div>
        <RocLegend evaluation={evaluation} hidden={hidden} />
      </div>
      <RocTable curves={curves} auc={evaluation.auc} />
      {logFpr ? <p className="eval-note">{t('eval.roc.logNote', { floor: fprTickText(floor) })}</p> : null}
    </>
  );
});

/** The curves' numbers for a screen reader: every digit's AUC and how many of its images it finds at a few false-positive rates. */
function RocTable({ curves, auc }: { curves: readonly (readonly XY[])[]; auc: ArrayLike<number> }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('eval.roc.table.caption')}
      columns={[t('eval.roc.table.digit'), t('eval.roc.table.auc'), ...TABLE_FPRS.map((fpr) => t('eval.roc.table.tprAt', { fpr: fprPct(fpr) }))]}
      rows={curves.map((c, d) => [String(d), aucText(auc[d]), ...TABLE_FPRS.map((fpr) => (c.length ? pct(tprAt(c, fpr)) : aucText(null)))])}
    />
  );
}

/** 0.001 → "0.1%": a false-positive rate as a share, with as few decimals as it needs. */
const fprPct = (fpr: number): string => pct(fpr, Math.max(0, -Math.floor(Math.log10(fpr * 100) + 1e-9)));

function RocLegend({ evaluation, hidden }: { evaluation: Evaluation; hidden: readonly boolean[] }) {
  const { t } = useTranslation();
  const toggle = useLab((s) => s.toggleRocDigit);
  return (
    <div className="roc__legend">
      <p className="roc__legend-hint">{t('eval.roc.legendHint')}</p>
      <ul aria-label={t('eval.roc.legendName')}>
        {Array.from(evaluation.auc, (auc, d) => (
          <li key={d}>
            <button type="button" aria-pressed={!hidden[d]} onClick={() => toggle(d)} className="roc__digit">
              <svg width="28" height="10" aria-hidden="true" className="roc__swatch">
                <line x1="1" y1="5" x2="27" y2="5" stroke={DIGIT_COLOURS[d]} strokeWidth="2.5" strokeDasharray={DIGIT_DASHES[d] || undefined} />
              </svg>
              {t('eval.roc.legendEntry', { digit: d, auc: aucText(auc) })}
            </button>
          </li>
        ))}
      </ul>
      <p className="roc__macro">{t('eval.roc.macro', { auc: aucText(evaluation.macroAuc) })}</p>
    </div>
  );
}
