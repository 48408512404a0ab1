/**
 * Saved runs on one chart, drawn like the race: training loss as a lightly
 * smoothed line, validation loss as a marker per epoch, one colour, dash and
 * marker per run, its name in the legend. At most OVERLAY_MAX runs, each
 * thinned to OVERLAY_POINTS (useHistoryOverlay.ts), so the smoothing here
 * only steadies the eye; when more are ticked, the chart says so.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { epochAxis, lossAxis, LOSS_TOOLTIP, runSeries } from '../chart/lossAxes.ts';
import { Plot } from '../chart/plot/Plot.tsx';
import { runStyle } from '../components/race/racePalette.ts';
import { lossDomain, raceSeries } from '../components/race/raceSeries.ts';
import { count } from '../format.ts';
import type { OverlayRun } from './useHistoryOverlay.ts';
import { OVERLAY_MAX } from './useHistoryOverlay.ts';

/** Lighter than the race's 0.6: stored points already average several batch groups. */
const LIGHT_SMOOTHING = 0.3;

/**
 * `ticked`: how many runs are ticked; the overlay draws the first OVERLAY_MAX of them.
 * Memoised: the panel re-renders for every message and save; the chart only when its runs change.
 */
export const HistoryChart = memo(function HistoryChart({ runs, ticked }: { runs: readonly OverlayRun[]; ticked: number }) {
  const { t } = useTranslation();
  const [log, setLog] = useState(false);
  const series = useMemo(() => {
    const all = raceSeries(
      runs.map((r) => ({ lossPoints: r.curves.train, epochs: r.curves.validation.map((v) => ({ epoch: v.epoch, validation: v })) })),
      LIGHT_SMOOTHING,
    );
    // The log axis cannot place 0.
    return log ? all.map((s) => ({ train: s.train.filter((p) => p.y > 0), validation: s.validation.filter((p) => p.y > 0) })) : all;
  }, [runs, log]);
  const domain = useMemo(() => lossDomain(series, log), [series, log]);
  const epochs = Math.max(1, ...runs.map((r) => r.epochs));
  const x = useMemo(() => epochAxis(epochs, t('history.chart.epoch')), [epochs, t]);
  const y = useMemo(() => lossAxis(domain, log, t('history.chart.loss')), [domain, log, t]);
  const plotted = useMemo(
    () =>
      series.flatMap((s, i) =>
        runSeries(String(runs[i].id), s, runStyle(runs[i].styleIndex), runs[i].name, t('history.chart.validation', { name: runs[i].name })),
      ),
    [series, runs, t],
  );
  const repeats = runs.some((r) => r.styleIndex >= 6);
  const capped = ticked > OVERLAY_MAX;
  const label = capped
    ? t('history.chart.capped', { shown: count(runs.length), count: ticked, n: count(ticked) })
    : t('history.chart.label', { count: runs.length, n: count(runs.length) });

  return (
    <div className="history__chart">
      <div className="history__chart-controls">
        <label className="toggle">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> {t('history.chart.logScale')}
        </label>
      </div>
      {capped ? <p className="history__capped">{t('history.chart.cappedNote', { max: OVERLAY_MAX, count: ticked, n: count(ticked) })}</p> : null}
      <div role="img" aria-label={label} className="chart__area">
        <div className="history__plot">
          <Plot x={x} y={y} series={plotted} tooltip={LOSS_TOOLTIP} />
        </div>
      </div>
      <p className="history__note">
        {t('history.chart.note')}
        {repeats ? t('history.chart.repeats') : ''}
      </p>
    </div>
  );
});
