/** A small picture of the learning rate (and momentum) over the planned run, before it starts, with its numbers as a table for screen readers. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSettings } from '../../shared/settings.ts';
import { previewSchedule, scheduledHyper } from '../../train/schedule.ts';
import { DataTable } from '../chart/DataTable.tsx';
import { Plot, type PlotAxis, type PlotSeries } from '../chart/plot/Plot.tsx';
import { count, settingNumber } from '../format.ts';

interface Props {
  settings: RunSettings;
  /** Training images per epoch (50,000 unless the page limits them). */
  trainCount: number;
}

/** Rows of the table: at most this many epochs' starts, evenly spread, then the last batch. */
const MAX_ROWS = 10;

const LR_COLOUR = '#0b5cad';
const MOMENTUM_COLOUR = '#D55E00';

/** Two significant digits, as a student reads a learning rate off a chart. */
const rateText = (v: number): string => settingNumber(Number(v.toPrecision(2)));

export function SchedulePreview({ settings, trainCount }: Props) {
  const { t } = useTranslation();
  const stepsPerEpoch = Math.ceil(trainCount / settings.batchSize);
  const data = useMemo(
    () =>
      previewSchedule(
        { kind: settings.schedule },
        { totalSteps: stepsPerEpoch * settings.epochs, stepsPerEpoch, baseLr: settings.learningRate, baseMomentum: settings.momentum },
      ).map((p) => ({
        epoch: p.step / stepsPerEpoch,
        lr: p.learningRate,
        momentum: p.momentum,
      })),
    [settings.schedule, settings.epochs, settings.learningRate, settings.momentum, stepsPerEpoch],
  );
  const last = data[data.length - 1];
  const showMomentum = settings.schedule === 'one-cycle';
  const n = { count: settings.epochs, n: count(settings.epochs) };
  // 15 % of headroom above the highest rate, so the line's peak is not cut by the box's top edge.
  const top = Math.max(0, ...data.map((d) => d.lr)) * 1.15 || 1;
  const x = useMemo<PlotAxis>(() => ({ domain: [0, settings.epochs], ticks: [], format: String, label: '' }), [settings.epochs]);
  const y = useMemo<PlotAxis>(() => ({ domain: [0, top], ticks: [], format: String, label: '' }), [top]);
  const series = useMemo<PlotSeries[]>(
    () => [
      { key: 'lr', points: data.map((d) => ({ x: d.epoch, y: d.lr })), colour: LR_COLOUR, width: 2 },
      // Momentum has its own scale, 0 to 1, which the sparkline does not show: it is drawn on the rate's axis with
      // 1 at the axis's top, so its shape (falling while the rate rises, then back) reads against the rate's.
      ...(showMomentum
        ? [{ key: 'momentum', points: data.map((d) => ({ x: d.epoch, y: d.momentum * top })), colour: MOMENTUM_COLOUR, width: 1, dash: '3 3' }]
        : []),
    ],
    [data, top, showMomentum],
  );
  return (
    <div className="schedule-preview">
      <div role="img" aria-label={t('tuning.schedule.name', { from: rateText(data[0].lr), to: rateText(last.lr) })} className="schedule-preview__chart">
        <Plot x={x} y={y} series={series} bare />
      </div>
      <ScheduleTable settings={settings} stepsPerEpoch={stepsPerEpoch} showMomentum={showMomentum} />
      <p className="field__hint">{showMomentum ? t('tuning.schedule.hintMomentum', n) : t('tuning.schedule.hint', n)}</p>
    </div>
  );
}

function ScheduleTable({ settings, stepsPerEpoch, showMomentum }: { settings: RunSettings; stepsPerEpoch: number; showMomentum: boolean }) {
  const { t } = useTranslation();
  const totalSteps = stepsPerEpoch * settings.epochs;
  const at = (step: number) =>
    scheduledHyper({ kind: settings.schedule }, { step, totalSteps, stepsPerEpoch, baseLr: settings.learningRate, baseMomentum: settings.momentum });
  const rows = scheduleEpochs(settings.epochs, MAX_ROWS).map((e) => ({ label: count(e + 1), ...at(e * stepsPerEpoch) }));
  rows.push({ label: t('tuning.schedule.table.end'), ...at(totalSteps - 1) });
  return (
    <DataTable
      caption={t('tuning.schedule.table.caption')}
      columns={[t('tuning.schedule.table.epoch'), t('tuning.schedule.table.learningRate'), ...(showMomentum ? [t('tuning.schedule.table.momentum')] : [])]}
      rows={rows.map((r) => [r.label, rateText(r.learningRate), ...(showMomentum ? [rateText(r.momentum)] : [])])}
    />
  );
}

/** 0-based epochs whose starts the table lists: every one up to `max`, else `max` spread evenly from the first to the last. */
export function scheduleEpochs(epochs: number, max: number): number[] {
  if (epochs <= max) return Array.from({ length: epochs }, (_, e) => e);
  return [...new Set(Array.from({ length: max }, (_, i) => Math.round((i * (epochs - 1)) / (max - 1))))];
}
