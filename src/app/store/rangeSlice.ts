/** The learning-rate range test as the page sees it. */
import type { StateCreator } from 'zustand';
import type { RangePoint, RangeResult } from '../../worker/protocol.ts';
import type { PageProblem } from '../workerWords.ts';
import type { LabState } from './index.ts';

export interface RangeTestState {
  runId: number;
  status: 'running' | 'done' | 'failed';
  points: RangePoint[];
  suggestion: { valley: number; steepest: number } | null;
  /** How it ended, once done (runWords.ts words it). */
  result: RangeResult | null;
  /** Why it failed, once failed (workerWords.ts words it). */
  problem: PageProblem | null;
}

export interface RangeSlice {
  rangeTest: RangeTestState | null;
  beginRangeTest(runId: number): void;
}

export const createRangeSlice: StateCreator<LabState, [], [], RangeSlice> = (set) => ({
  rangeTest: null,
  beginRangeTest: (runId) =>
    set((s) => ({
      pendingStart: { runId, restore: { rangeTest: s.rangeTest } },
      rangeTest: { runId, status: 'running', points: [], suggestion: null, result: null, problem: null },
    })),
});
