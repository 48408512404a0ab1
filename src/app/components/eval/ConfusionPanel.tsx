/**
 * The confusion matrix as a heatmap table: rows are true digits, columns are
 * predictions. Correct answers (the diagonal) and mistakes have their own
 * colour scales; each mistake with images opens them in the gallery.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { count, pct } from '../../format.ts';
import { showExamples } from '../../lab.ts';
import { useLab } from '../../store/index.ts';
import type { Evaluation } from '../../../worker/protocol.ts';
import { CORRECT_RAMP, MISTAKE_RAMP, rampGradient } from './colourScale.ts';
import type { Cell, ConfusionMode, ConfusionView } from './confusionCells.ts';
import { confusionView } from './confusionCells.ts';
import { notYet, setName } from './evalText.ts';
import { useShownEvaluation } from './useShownEvaluation.ts';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export function ConfusionPanel() {
  const { t } = useTranslation();
  const { evaluation, label } = useShownEvaluation();
  const mode = useLab((s) => s.confusionMode);
  const setMode = useLab((s) => s.setConfusionMode);

  return (
    <section className="panel eval-panel" aria-labelledby="confusion-heading">
      <div className="panel__head">
        <h2 id="confusion-heading">{t('eval.confusion.heading')}</h2>
        <fieldset className="segmented">
          <legend className="eval-sr-only">{t('eval.confusion.modeLegend')}</legend>
          <ModeOption mode="counts" current={mode} onChange={setMode}>
            {t('eval.confusion.counts')}
          </ModeOption>
          <ModeOption mode="recall" current={mode} onChange={setMode}>
            {t('eval.confusion.recall')}
          </ModeOption>
        </fieldset>
      </div>
      {evaluation ? <ConfusionBody evaluation={evaluation} label={label} mode={mode} /> : <p className="eval-hint">{notYet()}</p>}
      <p className="eval-explain">{t('eval.confusion.explain')}</p>
    </section>
  );
}

function ModeOption(props: { mode: ConfusionMode; current: ConfusionMode; onChange(m: ConfusionMode): void; children: string }) {
  return (
    <label className="segmented__option">
      <input type="radio" name="confusion-mode" value={props.mode} checked={props.current === props.mode} onChange={() => props.onChange(props.mode)} />
      <span>{props.children}</span>
    </label>
  );
}

/**
 * Memoised: the panel re-renders when the store's evaluation changes, first with the deferred (old)
 * one; the hundred cells then render once, in the deferred pass, instead of twice.
 */
const ConfusionBody = memo(function ConfusionBody({ evaluation, label, mode }: { evaluation: Evaluation; label: string; mode: ConfusionMode }) {
  const { t, i18n } = useTranslation();
  // The cells' names are worded in the view: a new language is a new view.
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read by confusionView through the catalogue.
  const view = useMemo(() => confusionView(evaluation.confusion, mode), [evaluation.confusion, mode, language]);
  const set = evaluation.set;
  return (
    <>
      <div className="cm__scroll">
        <table className={`cm cm--${mode}`}>
          <caption>
            {t('eval.confusion.caption', { count: view.total, n: count(view.total), set: setName(set), shown: label })}
            {mode === 'recall' ? t('eval.confusion.rowShare') : ''}
          </caption>
          <thead>
            <tr>
              <td colSpan={2} className="cm__corner" />
              <th scope="colgroup" colSpan={10} className="cm__axis">
                {t('eval.confusion.predicted')}
              </th>
            </tr>
            <tr>
              <td colSpan={2} className="cm__corner" />
              {DIGITS.map((p) => (
                <th key={p} scope="col" className="cm__digit">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.cells.map((row, digit) => (
              <tr key={digit}>
                {digit === 0 ? (
                  <th scope="rowgroup" rowSpan={10} className="cm__axis cm__axis--rows">
                    <span>{t('eval.confusion.true')}</span>
                  </th>
                ) : null}
                <th scope="row" className="cm__digit">
                  {digit}
                </th>
                {row.map((cell) => (
                  <CellView key={cell.predictedDigit} cell={cell} set={set} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ColourLegend view={view} mode={mode} />
    </>
  );
});

/**
 * One cell, worded by its view (confusionView): no hook of its own, so the hundred cells
 * subscribe to nothing. With a hook for the tooltip each, their first mount at a run's first
 * epoch made a long task on tfjs wasm, where the worker keeps the other core busy.
 */
function CellView({ cell, set }: { cell: Cell; set: Evaluation['set'] }) {
  const style = { background: cell.background, color: cell.color };
  const className = cell.diagonal ? 'cm__cell cm__cell--correct' : 'cm__cell';
  if (cell.open === null) {
    return (
      <td className={className} style={style} title={cell.label}>
        {cell.text}
      </td>
    );
  }
  return (
    <td className={className} style={style}>
      <button
        type="button"
        className="cm__open"
        aria-label={cell.label}
        title={cell.open}
        onClick={() => showExamples(set, cell.trueDigit, cell.predictedDigit)}
      >
        {cell.text}
      </button>
    </td>
  );
}

function ColourLegend({ view, mode }: { view: ConfusionView; mode: ConfusionMode }) {
  const { t } = useTranslation();
  const end = (v: number) => (mode === 'counts' ? count(v) : pct(v));
  return (
    // biome-ignore lint/a11y/useSemanticElements: two colour scales, not form fields, so not a <fieldset>.
    <div className="cm-legend" role="group" aria-label={t('eval.confusion.scales')}>
      <LegendBar name={t('eval.confusion.correctScale')} ramp={CORRECT_RAMP} low={end(0)} high={end(view.correctMax)} />
      <LegendBar name={t('eval.confusion.mistakeScale')} ramp={MISTAKE_RAMP} low={end(0)} high={end(view.mistakeMax)} />
    </div>
  );
}

function LegendBar(props: { name: string; ramp: readonly string[]; low: string; high: string }) {
  return (
    <figure className="cm-legend__scale">
      <figcaption>{props.name}</figcaption>
      <div className="cm-legend__bar" style={{ background: rampGradient(props.ramp) }} aria-hidden="true" />
      <div className="cm-legend__ends">
        <span>{props.low}</span>
        <span>{props.high}</span>
      </div>
    </figure>
  );
}
