/**
 * Every run's loss on one chart: training loss as a thin smoothed line,
 * validation loss as a marker per epoch, one colour, dash and marker per run.
 * x is in epochs over the planned length of the race, so a run that stopped
 * early visibly ends short. Loss events arrive ten times a second; the runs
 * are deferred and the series memoised and thinned, so a render costs the
 * same late in a race as early.
 */
import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../chart/DataTable.tsx';
import { epochAxis, lossAxis, LOSS_TOOLTIP, runSeries } from '../../chart/lossAxes.ts';
import { Plot } from '../../chart/plot/Plot.tsx';
import { NOT_AVAILABLE, count, loss3, num } from '../../format.ts';
import { useLab } from '../../store/index.ts';
import type { RaceRun } from '../../store/raceSlice.ts';
import { raceRunNames } from '../../runNames.ts';
import { LOSS_CURVE_MS, useThrottled } from '../../useThrottled.ts';
import { runStyle } from './racePalette.ts';
import { lossDomain, raceSeries } from './raceSeries.ts';

/** TensorBoard's default is 0.6: enough to read the trend, little enough to still see spikes. */
const DEFAULT_SMOOTHING = 0.6;
const NO_RUNS: never[] = [];

export function RaceChart() {
  const { t, i18n } = useTranslation();
  const live = useLab((s) => s.race?.runs ?? NO_RUNS);
  // The chart redraws at most twice a second (see useThrottled); its name counts what the runs have.
  const runs = useDeferredValue(useThrottled(live, LOSS_CURVE_MS));
  const epochs = useLab((s) => s.race?.epochs ?? 1);
  const [smoothing, setSmoothing] = useState(DEFAULT_SMOOTHING);
  const [log, setLog] = useState(false);
  const smoothingDeferred = useDeferredValue(smoothing);
  const sliderId = useId();

  const series = useMemo(() => {
    const all = raceSeries(runs, smoothingDeferred);
    // The log axis cannot place 0; a loss never is, but a guard keeps a 0 from being drawn at the axis's low end.
    return log ? all.map((s) => ({ train: s.train.filter((p) => p.y > 0), validation: s.validation.filter((p) => p.y > 0) })) : all;
  }, [runs, smoothingDeferred, log]);
  const domain = useMemo(() => lossDomain(series, log), [series, log]);
  // Worded in the page's language: a new language is new names.
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read by raceRunNames through the catalogue.
  const names = useMemo(() => raceRunNames(runs), [runs, language]);
  const nTrain = live.reduce((n, r) => n + r.lossPoints.length, 0);
  const nValidation = live.reduce((n, r) => n + r.epochs.length, 0);

  return (
    <div className="race__chart">
      <div className="race__chart-controls">
        <label htmlFor={sliderId}>{t('raceView.chart.smoothing')}</label>
        <input id={sliderId} type="range" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} />
        <output htmlFor={sliderId} className="race__smoothing">
          {num(smoothing, 2)}
        </output>
        <label className="toggle">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> {t('raceView.chart.logScale')}
        </label>
      </div>
      <div
        role="img"
        aria-label={t('raceView.chart.name', {
          runs: t('raceView.chart.runs', { count: live.length, n: count(live.length) }),
          training: t('raceView.chart.trainingPoints', { count: nTrain, n: count(nTrain) }),
          validation: t('raceView.chart.validationPoints', { count: nValidation, n: count(nValidation) }),
        })}
        className="chart__area"
      >
        <RacePlot series={series} domain={domain} names={names} epochs={epochs} log={log} />
      </div>
      <RaceTableOfLosses runs={runs} names={names} />
      <p className="race__chart-note">
        {t('raceView.chart.note')}
        {log ? '' : t('raceView.chart.noteLinear')}
      </p>
    </div>
  );
}

/** The chart's numbers for a screen reader: each run's validation loss at the end of each epoch (a dash where a run had stopped). */
function RaceTableOfLosses({ runs, names }: { runs: readonly RaceRun[]; names: readonly string[] }) {
  const { t } = useTranslation();
  const epochs = Math.max(0, ...runs.map((r) => r.epochs.at(-1)?.epoch ?? 0));
  const rows = Array.from({ length: epochs }, (_, e) => [
    count(e + 1),
    ...runs.map((r) => {
      const result = r.epochs.find((x) => x.epoch === e + 1);
      return result ? loss3(result.validation.loss) : NOT_AVAILABLE;
    }),
  ]);
  return <DataTable caption={t('raceView.chart.table.caption')} columns={[t('raceView.chart.table.epoch'), ...names]} rows={rows} />;
}

interface PlotProps {
  series: ReturnType<typeof raceSeries>;
  domain: ReturnType<typeof lossDomain>;
  names: readonly string[];
  epochs: number;
  log: boolean;
}

/**
 * The chart itself, memoised: race events re-render RaceChart ten times a
 * second, and this only when the throttled series, a setting or the
 * language changes.
 */
const RacePlot = memo(function RacePlot({ series, domain, names, epochs, log }: PlotProps) {
  const { t } = useTranslation();
  const x = useMemo(() => epochAxis(epochs, t('raceView.chart.epochAxis')), [epochs, t]);
  const y = useMemo(() => lossAxis(domain, log, t('raceView.chart.lossAxis')), [domain, log, t]);
  const plotted = useMemo(
    () => series.flatMap((s, i) => runSeries(String(i), s, runStyle(i), names[i], t('raceView.chart.validationSeries', { name: names[i] }))),
    [series, names, t],
  );
  return <Plot x={x} y={y} series={plotted} tooltip={LOSS_TOOLTIP} />;
});
