/**
 * The page options in the address, for tools and quick demos (they are not
 * settings: they change what the page does, not the run's maths):
 * `trainLimit=5000` trains on a random 5,000-image subset (validation is
 * unchanged), `backend=wasm` forces a backend, `validation=10000` sets the
 * held-out size, `faults=1` is a testing aid (see lab.ts's `fault`). A value
 * the page cannot use gets a notice and the page's default.
 */
import type { BackendName } from '../../shared/backendNames.ts';
import type { LinkNotice } from './notices.ts';

export interface PageOptions {
  trainLimit?: number;
  backend?: BackendName;
  validationSize: number;
  /** `faults=1`: the end-to-end tests may make the worker fail on purpose (window.mnistLab.fault). */
  faults: boolean;
}

export const DEFAULT_VALIDATION_SIZE = 10_000;

const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Whole-number options and their ranges: images, so a trainLimit below one batch of 64 is refused. */
const RANGES = {
  trainLimit: { min: 64, max: 60_000 },
  validation: { min: 100, max: 30_000 },
} as const;

/** The address's names for the page options, in the order a link writes them. */
export const PAGE_PARAMS = ['trainLimit', 'backend', 'validation', 'faults'] as const;

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
    if ((BACKENDS as readonly string[]).includes(backend)) page.backend = backend as BackendName;
    else notices.push({ code: 'choice', option: 'backend', value: backend, choices: BACKENDS });
  }
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
