/**
 * One-vs-rest ROC curves of the ten digits, with each digit's AUC in a legend
 * whose entries hide and show the curves. Series are rebuilt only when the
 * evaluation or a display option changes.
 */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Evaluation } from '../../../worker/protocol.ts';
import { useLab } from '../../store/index.ts';
import { aucText, NOT_YET } from './evalText.ts';
import { CHANCE_COLOUR, DIGIT_COLOURS, DIGIT_DASHES } from './palette.ts';
import { chanceLine, fprFloor, fprTicks, fprTickText, rocSeries, splitCurves } from './rocSeries.ts';
import { useShownEvaluation } from './useShownEvaluation.ts';

export function RocPanel() {
  const { evaluation, label } = useShownEvaluation();
  const logFpr = useLab((s) => s.rocLogFpr);
  const setLogFpr = useLab((s) => s.setRocLogFpr);

  return (
    <section className="panel eval-panel" aria-labelledby="roc-heading">
      <div className="panel__head">
        <h2 id="roc-heading">ROC curves</h2>
        <label className="toggle">
          <input type="checkbox" checked={logFpr} onChange={(e) => setLogFpr(e.target.checked)} /> Logarithmic false-positive axis
        </label>
      </div>
      {evaluation ? <RocBody evaluation={evaluation} label={label} logFpr={logFpr} /> : <p className="eval-hint">{NOT_YET}</p>}
      <p className="eval-explain">
        Each curve pits one digit against the other nine: the share of that digit's images the network finds (true-positive rate) against the share of other
        images it wrongly takes for it (false-positive rate), as its confidence threshold is lowered. AUC is the area under the curve, 1 for perfect and 0.5 for
        guessing (the dashed line); on MNIST all ten hug the top-left corner, so the logarithmic axis spreads out the small false-positive rates where the
        digits differ.
      </p>
    </section>
  );
}

function RocBody({ evaluation, label, logFpr }: { evaluation: Evaluation; label: string; logFpr: boolean }) {
  const hidden = useLab((s) => s.rocHidden);
  const curves = useMemo(() => splitCurves(evaluation), [evaluation]);
  const floor = useMemo(() => fprFloor(curves), [curves]);
  const series = useMemo(() => rocSeries(curves, { hidden, logFpr, floor }), [curves, hidden, logFpr, floor]);
  const chance = useMemo(() => chanceLine(logFpr, floor), [logFpr, floor]);

  if (curves.every((c) => c.length === 0)) {
    return (
      <>
        <p className="eval-caption">{label}</p>
        <p className="eval-hint">No ROC curves for this evaluation: the network's outputs were not numbers (the run diverged).</p>
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
          aria-label={`ROC chart of digits ${shownDigits.join(', ') || '(none shown)'}; ${logFpr ? 'log' : 'linear'} x scale`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d4dc" />
              <XAxis
                type="number"
                dataKey="x"
                scale={logFpr ? 'log' : 'linear'}
                domain={logFpr ? [floor, 1] : [0, 1]}
                allowDataOverflow
                ticks={fprTicks(logFpr, floor)}
                tickFormatter={fprTickText}
                label={{ value: `False-positive rate${logFpr ? ' (log scale)' : ''}`, position: 'insideBottom', offset: -12 }}
              />
              <YAxis
                type="number"
                dataKey="y"
                domain={[0, 1]}
                ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
                label={{ value: 'True-positive rate', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
              />
              <Line
                data={chance}
                dataKey="y"
                name="Chance"
                stroke={CHANCE_COLOUR}
                strokeDasharray="4 4"
                strokeWidth={1}
                dot={false}
                isAnimationActive={false}
              />
              {series.map((s) => (
                <Line
                  key={s.digit}
                  data={s.points}
                  dataKey="y"
                  name={`Digit ${s.digit}`}
                  stroke={DIGIT_COLOURS[s.digit]}
                  strokeDasharray={DIGIT_DASHES[s.digit] || undefined}
                  strokeWidth={2}
                  dot={false}
                  type="linear"
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <RocLegend evaluation={evaluation} hidden={hidden} />
      </div>
      {logFpr ? (
        <p className="eval-note">
          A logarithmic axis has no 0, so points with no false positives (a rate of 0) are drawn at {fprTickText(floor)}, on the left edge.
        </p>
      ) : null}
    </>
  );
}

function RocLegend({ evaluation, hidden }: { evaluation: Evaluation; hidden: readonly boolean[] }) {
  const toggle = useLab((s) => s.toggleRocDigit);
  return (
    <div className="roc__legend">
      <p className="roc__legend-hint">Press a digit to hide or show its curve.</p>
      <ul aria-label="AUC by digit">
        {Array.from(evaluation.auc, (auc, d) => (
          <li key={d}>
            <button type="button" aria-pressed={!hidden[d]} onClick={() => toggle(d)} className="roc__digit">
              <svg width="28" height="10" aria-hidden="true" className="roc__swatch">
                <line x1="1" y1="5" x2="27" y2="5" stroke={DIGIT_COLOURS[d]} strokeWidth="2.5" strokeDasharray={DIGIT_DASHES[d] || undefined} />
              </svg>
              Digit {d}: AUC {aucText(auc)}
            </button>
          </li>
        ))}
      </ul>
      <p className="roc__macro">Macro AUC {aucText(evaluation.macroAuc)}</p>
    </div>
  );
}
