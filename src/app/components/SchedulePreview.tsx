/** A small picture of the learning rate (and momentum) over the planned run, before it starts, with its numbers as a table for screen readers. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RunSettings } from '../../shared/settings.ts';
import { previewSchedule, scheduledHyper } from '../../train/schedule.ts';
import { DataTable } from '../chart/DataTable.tsx';
import { count, settingNumber } from '../format.ts';

interface Props {
  settings: RunSettings;
  /** Training images per epoch (50,000 unless the page limits them). */
  trainCount: number;
}

/** Rows of the table: at most this many epochs' starts, evenly spread, then the last batch. */
const MAX_ROWS = 10;

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
  return (
    <div className="schedule-preview">
      <div role="img" aria-label={t('tuning.schedule.name', { from: rateText(data[0].lr), to: rateText(last.lr) })}>
        <ResponsiveContainer width="100%" height={70}>
          {/* No accessibility layer: its focusable, unnamed svg would sit inside the named image. */}
          <LineChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <XAxis dataKey="epoch" type="number" domain={[0, settings.epochs]} hide />
            <YAxis yAxisId="lr" domain={[0, (max: number) => max * 1.15]} hide />
            <YAxis yAxisId="m" domain={[0, 1]} hide />
            <Line yAxisId="lr" dataKey="lr" stroke="#0b5cad" dot={false} strokeWidth={2} isAnimationActive={false} />
            {showMomentum ? <Line yAxisId="m" dataKey="momentum" stroke="#D55E00" strokeDasharray="3 3" dot={false} isAnimationActive={false} /> : null}
          </LineChart>
        </ResponsiveContainer>
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
