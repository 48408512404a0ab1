/** The page's one store, made of typed slices. */
import { create } from 'zustand';
import type { DraftsSlice } from './draftsSlice.ts';
import { createDraftsSlice } from './draftsSlice.ts';
import type { DrawSlice } from './drawSlice.ts';
import { createDrawSlice } from './drawSlice.ts';
import type { EvalSlice } from './evalSlice.ts';
import { createEvalSlice } from './evalSlice.ts';
import type { LinkSlice } from './linkSlice.ts';
import { createLinkSlice } from './linkSlice.ts';
import type { ModelsSlice } from './modelsSlice.ts';
import type { OfflineSlice } from './offlineSlice.ts';
import { createOfflineSlice } from './offlineSlice.ts';
import { createModelsSlice } from './modelsSlice.ts';
import type { InsideSlice } from './insideSlice.ts';
import { createInsideSlice } from './insideSlice.ts';
import type { HistorySlice } from '../history/historySlice.ts';
import { createHistorySlice } from '../history/historySlice.ts';
import type { RaceSlice } from './raceSlice.ts';
import { createRaceSlice } from './raceSlice.ts';
import type { RangeSlice } from './rangeSlice.ts';
import { createRangeSlice } from './rangeSlice.ts';
import type { RunSlice } from './runSlice.ts';
import { createRunSlice } from './runSlice.ts';
import type { SettingsSlice } from './settingsSlice.ts';
import { createSettingsSlice } from './settingsSlice.ts';
import type { RotationSlice } from './rotationSlice.ts';
import { createRotationSlice } from './rotationSlice.ts';
import type { ViewSlice } from './viewSlice.ts';
import { createViewSlice } from './viewSlice.ts';

export type LabState = SettingsSlice &
  RunSlice &
  ViewSlice &
  EvalSlice &
  DrawSlice &
  ModelsSlice &
  RangeSlice &
  RaceSlice &
  HistorySlice &
  OfflineSlice &
  DraftsSlice &
  LinkSlice &
  InsideSlice &
  RotationSlice;

export const useLab = create<LabState>()((...a) => ({
  ...createSettingsSlice(...a),
  ...createRunSlice(...a),
  ...createViewSlice(...a),
  ...createEvalSlice(...a),
  ...createDrawSlice(...a),
  ...createModelsSlice(...a),
  ...createRangeSlice(...a),
  ...createRaceSlice(...a),
  ...createHistorySlice(...a),
  ...createOfflineSlice(...a),
  ...createDraftsSlice(...a),
  ...createLinkSlice(...a),
  ...createInsideSlice(...a),
  ...createRotationSlice(...a),
}));

/** A training run, a race or a range test is using the worker, or a Reset is not yet done (Train and friends wait). */
export function workerBusy(s: LabState): boolean {
  return (!!s.run && s.run.phase !== 'done') || s.rangeTest?.status === 'running' || (!!s.race && s.race.phase !== 'done') || s.resetting;
}

/**
 * Reset is offered for a run the page shows, but not while a race or a range
 * test holds the worker (it would stop that and drop the trained model
 * unasked), nor while an earlier Reset is unanswered.
 */
export function canReset(s: LabState): boolean {
  const runActive = !!s.run && s.run.phase !== 'done';
  return s.run !== null && (runActive || !workerBusy(s));
}

/** The id of the job the page shows as running (one at a time), or null. */
export function runningJobId(s: LabState): number | null {
  if (s.run && s.run.phase !== 'done') return s.run.id;
  if (s.race && s.race.phase !== 'done') return s.race.runId;
  if (s.rangeTest?.status === 'running') return s.rangeTest.runId;
  return null;
}
