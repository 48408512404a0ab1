/**
 * The page options in the address, for tools and quick demos (they are not
 * settings: they change what the page does, not the run's maths):
 * `trainLimit=5000` trains on a random 5,000-image subset (validation is
 * unchanged), `backend=simd` forces an engine (the WebAssembly SIMD engine,
 * or tfjs on `webgl`, `wasm` or `cpu`), `threads=2` lets a comparison train
 * on two threads, `validation=10000` sets the held-out size, `faults=1` is a
 * testing aid (see lab.ts's `fault`). A value the page cannot use gets a
 * notice and the page's default.
 */
import { ENGINE_IDS, type EngineId, isEngineId } from '../../shared/engineIds.ts';
import type { LinkNotice } from './notices.ts';

export interface PageOptions {
  trainLimit?: number;
  /** The engine to train on; absent: the fastest of a start-up test (worker/engines.ts). */
  backend?: EngineId;
  validationSize: number;
  /** `faults=1`: the end-to-end tests may make the worker fail on purpose (window.mnistLab.fault). */
  faults: boolean;
  /**
   * Threads a comparison may train on (2 needs a cross-origin isolated page);
   * absent: the page's default (app/lab.ts: 2 from four cores up).
   */
  threads?: number;
}

export const DEFAULT_VALIDATION_SIZE = 10_000;

/** Whole-number options and their ranges: images, so a trainLimit below one batch of 64 is refused; threads of a comparison. */
const RANGES = {
  trainLimit: { min: 64, max: 60_000 },
  validation: { min: 100, max: 30_000 },
  threads: { min: 1, max: 2 },
} as const;

/** The address's names for the page options, in the order a link writes them. */
export const PAGE_PARAMS = ['trainLimit', 'backend', 'threads', 'validation', 'faults'] as const;

/** The page options from the address's values (the first of each name); `notices` names every value not used. */
export function readPageParams(get: (name: string) => string | undefined): { page: PageOptions; notices: LinkNotice[] } {
  const notices: LinkNotice[] = [];
  const whole = (option: keyof typeof RANGES): number | undefined => {
    const value = get(option);
    if (value === undefined) return undefined;
    const { min, max } = RANGES[option];
    const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (n >= min && n <= max) return n;
    notices.push({ code: 'range', option, value, min, max });
    return undefined;
  };
  const page: PageOptions = { validationSize: DEFAULT_VALIDATION_SIZE, faults: false };
  const trainLimit = whole('trainLimit');
  if (trainLimit !== undefined) page.trainLimit = trainLimit;
  const backend = get('backend');
  if (backend !== undefined) {
    if (isEngineId(backend)) page.backend = backend;
    else notices.push({ code: 'choice', option: 'backend', value: backend, choices: ENGINE_IDS });
  }
  const threads = whole('threads');
  if (threads !== undefined) page.threads = threads;
  page.validationSize = whole('validation') ?? DEFAULT_VALIDATION_SIZE;
  const faults = get('faults');
  if (faults !== undefined) {
    const on = readFlag(faults);
    if (on === null) notices.push({ code: 'flag', option: 'faults', value: faults });
    else page.faults = on;
  }
  return { page, notices };
}

/** The page options as address parameters; defaults are left out. */
export function writePageParams(page: PageOptions): [string, string][] {
  const out: [string, string][] = [];
  if (page.trainLimit !== undefined) out.push(['trainLimit', String(page.trainLimit)]);
  if (page.backend !== undefined) out.push(['backend', page.backend]);
  if (page.threads !== undefined) out.push(['threads', String(page.threads)]);
  if (page.validationSize !== DEFAULT_VALIDATION_SIZE) out.push(['validation', String(page.validationSize)]);
  if (page.faults) out.push(['faults', '1']);
  return out;
}

/** An on/off option's value: `present=1`, `present=true`, or just `present`; `0`/`false` is off; anything else is not a flag (null). */
export function readFlag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}
