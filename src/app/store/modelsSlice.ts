/**
 * The model in the worker (trained here, or loaded from storage or a file)
 * and the list of saved models.
 */
import type { StateCreator } from 'zustand';
import type { ModelMetrics } from '../../model/modelFile.ts';
import type { RunSettings } from '../../shared/settings.ts';
import type { ModelSummary } from '../models/modelDb.ts';
import type { Notice } from '../notice.ts';
import type { DamagedRecord } from '../storage/idb.ts';
import type { LabState } from './index.ts';

export interface CurrentModel {
  source: 'trained' | 'loaded';
  name: string;
  settings: RunSettings;
  metrics: ModelMetrics;
}

export interface ModelsSlice {
  /** The weights the worker holds now; null before any training or after Reset. */
  model: CurrentModel | null;
  savedModels: ModelSummary[];
  /** Stored records that failed the saved model's schema: listed so they can be removed, never shown. */
  damagedModels: DamagedRecord[];
  /** The last save/load/upload problem, shown at the models panel. */
  modelsMessage: Notice | null;
  setModel(m: CurrentModel | null): void;
  setSavedModels(list: ModelSummary[], damaged?: DamagedRecord[]): void;
  setModelsMessage(m: ModelsSlice['modelsMessage']): void;
}

export const createModelsSlice: StateCreator<LabState, [], [], ModelsSlice> = (set) => ({
  model: null,
  savedModels: [],
  damagedModels: [],
  modelsMessage: null,
  setModel: (model) => set({ model }),
  setSavedModels: (savedModels, damagedModels = []) => set({ savedModels, damagedModels }),
  setModelsMessage: (modelsMessage) => set({ modelsMessage }),
});
