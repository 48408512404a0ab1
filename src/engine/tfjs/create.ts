/**
 * The tfjs engines, by what they train: one run, or R runs stacked. Both are
 * the same stacked engine (raceEngine.ts); a single run is R = 1, which takes
 * plain 2-D products and reshapes instead of transposes, and measured as fast
 * as the dedicated single-run engine it replaced (Node, side by side: wasm
 * 3.60 against 3.76 ms a batch of 64, cpu 71 against 75).
 */
import type { Architecture } from '../../model/architecture.ts';
import type { OptimizerSpec } from '../../shared/optimizer.ts';
import { SGD } from '../../shared/optimizer.ts';
import type { Engine } from '../engine.ts';
import type { RaceEngine } from '../race.ts';
import { singleRun } from '../single.ts';
import { TfjsRaceEngine } from './raceEngine.ts';

export function createTfjsEngine(arch: Architecture, params: Float32Array[], optimizer: OptimizerSpec = SGD): Engine {
  return singleRun(new TfjsRaceEngine(arch, params, 1, optimizer));
}

export function createTfjsStackedEngine(arch: Architecture, params: Float32Array[], runs: number, optimizer: OptimizerSpec = SGD): RaceEngine {
  return new TfjsRaceEngine(arch, params, runs, optimizer);
}
