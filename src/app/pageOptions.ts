/**
 * Options read from the page address, for tools and quick demos:
 * `?trainLimit=5000` trains on a random 5,000-image subset (validation is
 * unchanged), `?backend=simd|webgl|wasm|cpu` forces an engine (the SIMD
 * engine, or tfjs on a backend), `?validation=10000` sets the
 * held-out size, `?faults=1` is a testing aid (see lab.ts's `fault`).
 */
import type { EngineId } from '../shared/engineIds.ts';
import { isEngineId } from '../shared/engineIds.ts';

export interface PageOptions {
  trainLimit?: number;
  backend?: EngineId;
  validationSize: number;
  /** `?faults=1`: the end-to-end tests may make the worker fail on purpose (window.mnistLab.fault). */
  faults: boolean;
  /** `?threads=1|2`: threads a comparison may train on (2 needs a cross-origin isolated page); by default 2 from four cores up. */
  threads?: number;
}

export const DEFAULT_VALIDATION_SIZE = 10_000;

export function readPageOptions(search: string): PageOptions {
  const q = new URLSearchParams(search);
  const int = (key: string, min: number, max: number): number | undefined => {
    const v = Number(q.get(key));
    return q.has(key) && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
  };
  const b = q.get('backend');
  return {
    trainLimit: int('trainLimit', 64, 60_000),
    backend: isEngineId(b) ? b : undefined,
    validationSize: int('validation', 100, 30_000) ?? DEFAULT_VALIDATION_SIZE,
    faults: q.get('faults') === '1',
    threads: int('threads', 1, 2),
  };
}
