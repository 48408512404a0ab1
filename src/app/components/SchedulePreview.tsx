/** A small picture of the learning rate (and momentum) over the planned run, before it starts. */
import { useMemo } from 'react';
import { Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RunSettings } from '../../shared/settings.ts';
import { previewSchedule } from '../../train/schedule.ts';

interface Props {
  settings: RunSettings;
  /** Training images per epoch (50,000 unless the page limits them). */
  trainCount: number;
}

export function SchedulePreview({ settings, trainCount }: Props) {
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
  return (
    <div className="schedule-preview" role="img" aria-label={`Learning rate over the run: from ${data[0].lr.toPrecision(2)} to ${last.lr.toPrecision(2)}`}>
      <ResponsiveContainer width="100%" height={70}>
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <XAxis dataKey="epoch" type="number" domain={[0, settings.epochs]} hide />
          <YAxis yAxisId="lr" domain={[0, (max: number) => max * 1.15]} hide />
          <YAxis yAxisId="m" domain={[0, 1]} hide />
          <Line yAxisId="lr" dataKey="lr" stroke="#0b5cad" dot={false} strokeWidth={2} isAnimationActive={false} />
          {showMomentum ? <Line yAxisId="m" dataKey="momentum" stroke="#D55E00" strokeDasharray="3 3" dot={false} isAnimationActive={false} /> : null}
        </LineChart>
      </ResponsiveContainer>
      <p className="field__hint">
        Learning rate over {settings.epochs} epoch{settings.epochs === 1 ? '' : 's'} (blue){showMomentum ? '; momentum moves the other way (orange)' : ''}.
      </p>
    </div>
  );
}
