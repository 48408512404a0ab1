/** The page's one store, made of typed slices. */
import { create } from 'zustand';
import type { DrawSlice } from './drawSlice.ts';
import { createDrawSlice } from './drawSlice.ts';
import type { EvalSlice } from './evalSlice.ts';
import { createEvalSlice } from './evalSlice.ts';
import type { ModelsSlice } from './modelsSlice.ts';
import { createModelsSlice } from './modelsSlice.ts';
import type { RangeSlice } from './rangeSlice.ts';
import { createRangeSlice } from './rangeSlice.ts';
import type { RunSlice } from './runSlice.ts';
import { createRunSlice } from './runSlice.ts';
import type { SettingsSlice } from './settingsSlice.ts';
import { createSettingsSlice } from './settingsSlice.ts';
import type { ViewSlice } from './viewSlice.ts';
import { createViewSlice } from './viewSlice.ts';

export type LabState = SettingsSlice & RunSlice & ViewSlice & EvalSlice & DrawSlice & ModelsSlice & RangeSlice;

export const useLab = create<LabState>()((...a) => ({
  ...createSettingsSlice(...a),
  ...createRunSlice(...a),
  ...createViewSlice(...a),
  ...createEvalSlice(...a),
  ...createDrawSlice(...a),
  ...createModelsSlice(...a),
  ...createRangeSlice(...a),
}));
