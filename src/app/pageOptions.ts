/**
 * Options read from the page address, for tools and quick demos:
 * `?trainLimit=5000` trains on a random 5,000-image subset (validation is
 * unchanged), `?backend=wasm` forces a backend, `?validation=10000` sets the
 * held-out size, `?faults=1` is a testing aid (see lab.ts's `fault`). They
 * are read by the address layer (link/pageParams.ts), which also reports a
 * value it cannot use.
 */
import { MAX_TRAIN_SIZE, PRESET, type RunSettings } from '../shared/settings.ts';
import { readAddress } from './link/address.ts';
import type { PageOptions } from './link/pageParams.ts';

export { DEFAULT_VALIDATION_SIZE, type PageOptions } from './link/pageParams.ts';

export function readPageOptions(search: string): PageOptions {
  return readAddress(search, PRESET).page;
}

/** The settings the page starts with before a link's: the notebook's, with `trainLimit` as the training-set size. */
export function startingSettings(options: PageOptions): RunSettings {
  return options.trainLimit === undefined ? PRESET : { ...PRESET, trainSize: Math.min(options.trainLimit, MAX_TRAIN_SIZE) };
}
