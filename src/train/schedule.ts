/**
 * Learning-rate schedules: what multiplies the base learning rate (and, for
 * one-cycle, what momentum does) at each step of a run. Pure functions of the
 * step, so a preview can draw the whole run before it starts.
 */

import type { StepHyper } from '../shared/optimizer.ts';
import type { HyperSettings } from '../shared/runSpec.ts';
import { stepHyperOf } from '../shared/runSpec.ts';
import type { ScheduleKind } from '../shared/settings.ts';

export interface Schedule {
  kind: ScheduleKind;
  /** step: multiply by `gamma` every `everyEpochs` epochs (e.g. 0.1 every 5). */
  gamma?: number;
  everyEpochs?: number;
  /** exponential: the factor reached at the end of the run (e.g. 0.01). */
  finalFactor?: number;
  /** one-cycle: fraction of the run spent warming up (default 0.3). */
  warmup?: number;
}

export interface ScheduleContext {
  /** 0-based batch index in the run. */
  step: number;
  totalSteps: number;
  stepsPerEpoch: number;
  baseLr: number;
  baseMomentum: number;
}

/** One-cycle's range: from base/25 up to base, then down to base/10⁴ (fast.ai's defaults). */
const ONE_CYCLE_DIV = 25;
const ONE_CYCLE_FINAL_DIV = 1e4;
/** One-cycle moves momentum the other way, between these two. */
const MOMENTUM_LOW = 0.85;

const cosineBetween = (from: number, to: number, t: number) => to + ((from - to) * (1 + Math.cos(Math.PI * Math.min(1, Math.max(0, t))))) / 2;

export function scheduledHyper(s: Schedule, c: ScheduleContext): { learningRate: number; momentum: number } {
  const t = c.totalSteps > 1 ? c.step / (c.totalSteps - 1) : 0;
  switch (s.kind) {
    case 'constant':
      return { learningRate: c.baseLr, momentum: c.baseMomentum };
    case 'step': {
      const every = Math.max(1, s.everyEpochs ?? 5);
      const epoch = Math.floor(c.step / c.stepsPerEpoch);
      return { learningRate: c.baseLr * (s.gamma ?? 0.1) ** Math.floor(epoch / every), momentum: c.baseMomentum };
    }
    case 'exponential':
      return { learningRate: c.baseLr * (s.finalFactor ?? 0.01) ** t, momentum: c.baseMomentum };
    case 'cosine':
      return { learningRate: cosineBetween(c.baseLr, 0, t), momentum: c.baseMomentum };
    case 'one-cycle': {
      const w = Math.min(0.9, Math.max(0.05, s.warmup ?? 0.3));
      const high = Math.max(c.baseMomentum, MOMENTUM_LOW);
      const low = Math.min(c.baseMomentum, MOMENTUM_LOW);
      if (t <= w) {
        const u = t / w;
        return { learningRate: cosineBetween(c.baseLr / ONE_CYCLE_DIV, c.baseLr, u), momentum: cosineBetween(high, low, u) };
      }
      const u = (t - w) / (1 - w);
      return { learningRate: cosineBetween(c.baseLr, c.baseLr / ONE_CYCLE_FINAL_DIV, u), momentum: cosineBetween(low, high, u) };
    }
  }
}

/** `points` samples of the schedule over the run, for a small preview chart. */
export function previewSchedule(s: Schedule, base: Omit<ScheduleContext, 'step'>, points = 60): { step: number; learningRate: number; momentum: number }[] {
  const out = [];
  for (let i = 0; i < points; i++) {
    const step = Math.round((i / (points - 1)) * Math.max(0, base.totalSteps - 1));
    out.push({ step, ...scheduledHyper(s, { ...base, step }) });
  }
  return out;
}

/**
 * A run's numbers for batch `step`: the schedule moves the learning rate
 * (and, for one-cycle, the momentum) from the run's base values; the other
 * numbers are the base's as they are.
 */
export function scheduledStep(base: HyperSettings, kind: ScheduleKind, c: Omit<ScheduleContext, 'baseLr' | 'baseMomentum'>): StepHyper {
  const s = scheduledHyper({ kind }, { ...c, baseLr: base.learningRate, baseMomentum: base.momentum });
  return { ...stepHyperOf(base), learningRate: s.learningRate, momentum: s.momentum };
}
