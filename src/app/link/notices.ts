/**
 * What the address asked for that the page could not do, as codes and
 * values: the page words them (linkWords.ts) in its language, so a notice
 * reads in the language the student switches to. Every notice names the
 * option as the link wrote it; what the page used instead follows from the
 * code and the option.
 */
import type { RunSettings, SettingKey, SettingProblem } from '../../shared/settings.ts';
import type { ListProblem } from '../components/race/parseRates.ts';

export type LinkNotice =
  /** An option this page does not have (`foo=1`). */
  | { code: 'unknown'; option: string; value: string }
  /** An option given twice (`lr=0.1&lr=0.2`): the first one counts. */
  | { code: 'repeated'; option: string; value: string }
  /** A setting whose value the settings table refuses; `used` is the value the page kept. */
  | { code: 'setting'; option: string; value: string; key: SettingKey; problem: SettingProblem; used: RunSettings[SettingKey] }
  /** An option with a fixed set of values (`backend`, `lang`). */
  | { code: 'choice'; option: string; value: string; choices: readonly string[] }
  /** A whole number out of range or not whole (`trainLimit`, `validation`). */
  | { code: 'range'; option: string; value: string; min: number; max: number }
  /** An on/off option that is neither (`present=maybe`). */
  | { code: 'flag'; option: string; value: string }
  /** A name in `hide=`/`show=` that is neither a panel nor a setting. */
  | { code: 'hideName'; option: string; value: string; name: string }
  /** The race's lists (`race=`, `racemom=`), refused as the race form would refuse them. */
  | { code: 'raceList'; option: string; value: string; problem: ListProblem };

/** A value as a notice quotes it: a link can hold anything, a notice shows at most this much of it. */
export function quoted(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
