/**
 * A comparison: 2 to 6 runs that differ in any settings (the learning-rate
 * race is the first kind), written one run per line as the settings' short
 * link names, `opt=adam lr=0.001`, over the form's settings. Each value is
 * read with the settings table's own rule, so it gets the problem the form
 * would give; each run is named by what sets it apart from the others.
 * Problems and names are codes and values: the page words them.
 */
import type { RunSettings, SettingField, SettingKey, SettingProblem } from './settings.ts';
import { FIELDS, parseField, parseSettings, settingText, settingsToText } from './settings.ts';

/** What makes the batches, so every run of a comparison has the same. */
export const SHARED_BY_ALL: readonly SettingKey[] = ['batchSize', 'trainSize', 'epochs', 'seed'];

/** How many runs a comparison trains side by side; each one is a whole network on the device. */
export const COMPARE_SIZE = { min: 2, max: 6 } as const;

/** Ready-made comparisons (their names are in the catalogues under compare.presets.<id>): the learning-rate race first, then the notebook's to-do list. */
export const COMPARE_PRESETS = [
  { id: 'learningRates', text: 'lr=0.001\nlr=0.01\nlr=0.1\nlr=1' },
  { id: 'sgdAdam', text: 'opt=sgd\nopt=adam lr=0.001' },
  { id: 'nesterov', text: 'opt=sgd mom=0.9 nesterov=false\nopt=sgd mom=0.9 nesterov=true' },
  { id: 'dropout', text: 'drop=0\ndrop=0.2\ndrop=0.5' },
  { id: 'networkSize', text: 'layers=128-64\nlayers=512-256' },
  { id: 'earlyStopping', text: 'train=1000 epochs=30 patience=0\ntrain=1000 epochs=30 patience=3' },
] as const;

export type ComparePresetId = (typeof COMPARE_PRESETS)[number]['id'];

const byName = new Map<string, SettingField>();
for (const f of FIELDS) {
  byName.set(f.url.toLowerCase(), f);
  byName.set(f.key.toLowerCase(), f);
}

/** What is wrong with one line of a comparison. */
export type LineProblem =
  | { code: 'notNameValue'; item: string }
  | { code: 'unknownSetting'; name: string; names: readonly string[] }
  | { code: 'setTwice'; key: SettingKey }
  | { code: 'value'; key: SettingKey; problem: SettingProblem };

/** What is wrong with a comparison: its size, its lines (1-based), runs that cannot share batches, or two identical runs. */
export type CompareProblem =
  | { code: 'tooFew'; min: number; max: number }
  | { code: 'tooMany'; max: number; given: number }
  | { code: 'line'; line: number; problem: LineProblem }
  | { code: 'notShared'; keys: SettingKey[] }
  | { code: 'sameRuns'; first: number; second: number };

export type ParsedCompare = { ok: true; value: RunSettings[] } | { ok: false; problems: CompareProblem[] };

type ParsedLine = { ok: true; value: RunSettings } | { ok: false; problem: LineProblem };

/** One line's settings over `base`, or what is wrong with it. Values use the decimal point (like links). */
export function parseCompareLine(line: string, base: RunSettings): ParsedLine {
  const text = settingsToText(base);
  const seen = new Set<SettingKey>();
  for (const item of line
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return { ok: false, problem: { code: 'notNameValue', item: item.slice(0, 30) } };
    const name = item.slice(0, eq);
    const f = byName.get(name.toLowerCase());
    if (!f) return { ok: false, problem: { code: 'unknownSetting', name: name.slice(0, 30), names: FIELDS.map((x) => x.url) } };
    if (seen.has(f.key)) return { ok: false, problem: { code: 'setTwice', key: f.key } };
    seen.add(f.key);
    // Layer widths may be joined with dashes here, where a space would end the value: layers=512-256.
    const value = f.kind === 'layers' ? item.slice(eq + 1).replace(/-/g, ',') : item.slice(eq + 1);
    const r = parseField(f, value);
    if (!r.ok) return { ok: false, problem: { code: 'value', key: f.key, problem: r.problem } };
    text[f.key] = value;
  }
  const parsed = parseSettings(text);
  if (!parsed.settings) {
    const [key, problem] = Object.entries(parsed.errors)[0] as [SettingKey, SettingProblem];
    return { ok: false, problem: { code: 'value', key, problem } };
  }
  return { ok: true, value: parsed.settings };
}

/** Every run of a comparison (one per non-empty line), each over the form's settings. */
export function parseCompare(text: string, base: RunSettings): ParsedCompare {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < COMPARE_SIZE.min) return { ok: false, problems: [{ code: 'tooFew', ...COMPARE_SIZE }] };
  if (lines.length > COMPARE_SIZE.max) return { ok: false, problems: [{ code: 'tooMany', max: COMPARE_SIZE.max, given: lines.length }] };
  const runs: RunSettings[] = [];
  const problems: CompareProblem[] = [];
  lines.forEach((line, i) => {
    const r = parseCompareLine(line, base);
    if (r.ok) runs.push(r.value);
    else problems.push({ code: 'line', line: i + 1, problem: r.problem });
  });
  if (problems.length) return { ok: false, problems };
  // Every run trains on the very same batches: what makes the batches must be shared.
  const apart = SHARED_BY_ALL.filter((k) => runs.some((r) => r[k] !== runs[0][k]));
  if (apart.length) return { ok: false, problems: [{ code: 'notShared', keys: apart }] };
  const keys = runs.map((r) => JSON.stringify(settingsToText(r)));
  const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (twice !== -1) return { ok: false, problems: [{ code: 'sameRuns', first: keys.indexOf(keys[twice]) + 1, second: twice + 1 }] };
  return { ok: true, value: runs };
}

/** The settings in which the runs do not all agree, in table order. */
export function differingSettings(runs: readonly RunSettings[]): SettingKey[] {
  return FIELDS.filter((f) => runs.some((r) => settingText(r[f.key]) !== settingText(runs[0][f.key]))).map((f) => f.key);
}

/**
 * Which settings name the runs, in table order: whatever sets them apart.
 * The learning rate is named whenever it differs, alone when nothing does,
 * and in a learning-rate race even where only momenta differ ("lr = 0.05,
 * μ = 0.9"). The page words each run's values of these settings.
 */
export function runNameKeys(runs: readonly RunSettings[]): SettingKey[] {
  const differing = differingSettings(runs);
  const race = differing.length > 0 && differing.every((k) => k === 'learningRate' || k === 'momentum');
  const keys: SettingKey[] = race && !differing.includes('learningRate') ? ['learningRate', ...differing] : differing;
  // Nothing differs (a race of one, as the table's own rows are built): name the learning rate.
  return keys.length ? keys : ['learningRate'];
}
