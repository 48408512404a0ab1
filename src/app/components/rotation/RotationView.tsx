/**
 * "Accuracy by rotation" as it shows, from its lines: a chart and a table
 * with the same figures (one row per line, a column per angle), a line
 * saying a measurement is under way, a refusal in words, and the button
 * that measures a held model. RotationPanel.tsx connects it to the store.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Plot, type PlotAxis, type PlotSeries } from '../../chart/plot/Plot.tsx';
import { num, pct } from '../../format.ts';
import { i18n } from '../../../i18n/index.ts';
import type { RotationProblem } from '../../../worker/protocol.ts';
import { Figure } from '../Figure.tsx';
import { runStyle } from '../race/racePalette.ts';
import type { RotationLine } from './rotationLines.ts';
import { rotationAngles } from './rotationLines.ts';

interface ViewProps {
  lines: RotationLine[];
  /** Each line's name, in the page's language. */
  names: string[];
  /** A measurement is under way or due. */
  pending: boolean;
  progress: { done: number; total: number } | null;
  problem: RotationProblem | null;
  /** Offered when the held model can be measured. */
  onMeasure: (() => void) | null;
}

/** The panel as it shows: chart and table, or why there is none yet. */
export function RotationView({ lines, names, pending, progress, problem, onMeasure }: ViewProps) {
  const { t } = useTranslation();
  const angles = useMemo(() => rotationAngles(lines), [lines]);
  return (
    <section className="panel rotation" aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{t('rotation.heading')}</h2>
      <p className="rotation__intro">{t('rotation.intro')}</p>
      {lines.length > 0 ? (
        <>
          <RotationChart angles={angles} lines={lines} names={names.join('\n')} />
          <table className="rotation__table" aria-label={t('rotation.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('rotation.run')}</th>
                {angles.map((a) => (
                  <th key={a} scope="col">
                    {t('rotation.angle', { value: num(a) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.key}>
                  <th scope="row">
                    <span className="rotation__swatch" style={{ background: runStyle(i).colour }} aria-hidden="true" />
                    {names[i]}
                  </th>
                  {angles.map((a) => (
                    <td key={a}>
                      <Figure text={pct(l.rows.find((r) => r.angleDeg === a)?.accuracy)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : pending ? null : (
        <p className="eval-hint">{t('rotation.empty')}</p>
      )}
      {pending ? (
        <p role="status" className="rotation__status">
          {t('rotation.measuring')}
          {progress ? ` ${pct(progress.done / progress.total, 0)}` : ''}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="rotation__problem">
          {t(`rotation.problems.${problem}`)}
        </p>
      ) : null}
      {onMeasure ? (
        <button type="button" onClick={onMeasure}>
          {t('rotation.measure')}
        </button>
      ) : null}
    </section>
  );
}

interface ChartProps {
  angles: number[];
  lines: RotationLine[];
  /** The lines' names, one a line (a string, so that memo sees an unchanged list as unchanged). */
  names: string;
}

/** Memoised: the panel re-renders with each progress report of a measurement, the chart only when its lines change. */
const RotationChart = memo(function RotationChart({ angles, lines, names: joined }: ChartProps) {
  const { t } = useTranslation();
  const x = useMemo<PlotAxis>(() => {
    const first = angles[0] ?? -45;
    const last = angles.at(-1) ?? 45;
    // 3 % of the span (or 1°) beyond the first and last angle, so their markers are not cut by the plot's edges.
    const pad = (last - first) * 0.03 || 1;
    return {
      domain: [first - pad, last + pad],
      ticks: angles,
      format: (v) => t('rotation.angle', { value: num(v) }),
      label: t('rotation.axisAngle'),
    };
  }, [angles, t]);
  const y = useMemo<PlotAxis>(() => ({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], format: (v) => num(v), label: t('rotation.axisAccuracy') }), [t]);
  // A line per run, accuracy in % by angle; an angle a line was not measured at is passed over.
  const series = useMemo<PlotSeries[]>(() => {
    const names = joined.split('\n');
    return lines.map((l, i) => {
      const style = runStyle(i);
      const points = l.rows.map((r) => ({ x: r.angleDeg, y: r.accuracy * 100 })).sort((a, b) => a.x - b.x);
      return { key: l.key, name: names[i], points, colour: style.colour, dash: style.dash, width: 2, marker: { shape: 'circle', r: 3 } } satisfies PlotSeries;
    });
  }, [lines, joined]);
  return (
    <div role="img" aria-label={t('rotation.chart', { count: lines.length })} className="eval-chart rotation__chart">
      <Plot x={x} y={y} series={series} tooltip={tooltip} />
    </div>
  );
});

/** Worded when shown, so in the page's language. */
const tooltip = {
  title: (x: number) => i18n.t('rotation.angle', { value: num(x) }),
  value: (y: number) => pct(y / 100),
};
