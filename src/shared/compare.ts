/**
 * A comparison: 2 to 6 runs that differ in any settings (the learning-rate
 * race is the first kind), written one run per line as the settings' short
 * link names, `opt=adam lr=0.001`, over the form's settings. Each value is
 * read with the settings table's own rule, so it gets the message the form
 * would give; each run is named by what sets it apart from the others.
 */
import type { Parsed, RunSettings, SettingField, SettingKey } from './settings.ts';
import { FIELDS, parseField, parseSettings, settingText, settingsToText } from './settings.ts';

/** What makes the batches, so every run of a comparison has the same. */
export const SHARED_BY_ALL: readonly SettingKey[] = ['batchSize', 'trainSize', 'epochs', 'seed'];

/** How many runs a comparison trains side by side; each one is a whole network on the device. */
export const COMPARE_SIZE = { min: 2, max: 6 } as const;

/** Ready-made comparisons: the learning-rate race first, then the notebook's to-do list. */
export const COMPARE_PRESETS: readonly { label: string; text: string }[] = [
  { label: 'Learning rates', text: 'lr=0.001\nlr=0.01\nlr=0.1\nlr=1' },
  { label: 'SGD vs Adam', text: 'opt=sgd\nopt=adam lr=0.001' },
  { label: 'Nesterov', text: 'opt=sgd mom=0.9 nesterov=false\nopt=sgd mom=0.9 nesterov=true' },
  { label: 'Dropout', text: 'drop=0\ndrop=0.2\ndrop=0.5' },
  { label: 'Network size', text: 'layers=128-64\nlayers=512-256' },
  { label: 'Early stopping', text: 'train=1000 epochs=30 patience=0\ntrain=1000 epochs=30 patience=3' },
];

const byName = new Map<string, SettingField>();
for (const f of FIELDS) {
  byName.set(f.url.toLowerCase(), f);
  byName.set(f.key.toLowerCase(), f);
}

/** Where a comparison's text has problems: one message per line that has one, or one for the whole list. */
export type ParsedCompare = { ok: true; value: RunSettings[] } | { ok: false; message: string };

/** One line's settings over `base`, or what is wrong with it. */
export function parseCompareLine(line: string, base: RunSettings): Parsed<RunSettings> {
  const text = settingsToText(base);
  const seen = new Set<SettingKey>();
  for (const item of line
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return { ok: false, message: `“${item.slice(0, 30)}” is not name=value (like lr=0.01).` };
    const name = item.slice(0, eq);
    const f = byName.get(name.toLowerCase());
    if (!f) return { ok: false, message: `There is no setting called “${name.slice(0, 30)}”; use ${FIELDS.map((x) => x.url).join(', ')}.` };
    if (seen.has(f.key)) return { ok: false, message: `${f.label} is set twice.` };
    seen.add(f.key);
    // Layer widths may be joined with dashes here, where a space would end the value: layers=512-256.
    const value = f.kind === 'layers' ? item.slice(eq + 1).replace(/-/g, ',') : item.slice(eq + 1);
    const r = parseField(f, value);
    if (!r.ok) return { ok: false, message: `${f.label}: ${r.message}` };
    text[f.key] = value;
  }
  const parsed = parseSettings(text);
  if (!parsed.settings) {
    const [key, message] = Object.entries(parsed.errors)[0];
    return { ok: false, message: `${FIELDS.find((f) => f.key === key)?.label ?? key}: ${message}` };
  }
  return { ok: true, value: parsed.settings };
}

/** Every run of a comparison (one per non-empty line), each over the form's settings. */
export function parseCompare(text: string, base: RunSettings): ParsedCompare {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < COMPARE_SIZE.min)
    return { ok: false, message: `List ${COMPARE_SIZE.min} to ${COMPARE_SIZE.max} runs, one per line, like “opt=adam lr=0.001”.` };
  if (lines.length > COMPARE_SIZE.max)
    return { ok: false, message: `A comparison takes at most ${COMPARE_SIZE.max} runs (you listed ${lines.length}): each one trains its own network.` };
  const runs: RunSettings[] = [];
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const r = parseCompareLine(line, base);
    if (r.ok) runs.push(r.value);
    else problems.push(`Line ${i + 1}: ${r.message}`);
  });
  if (problems.length) return { ok: false, message: problems.join(' ') };
  // Every run trains on the very same batches: what makes the batches must be shared.
  const apart = SHARED_BY_ALL.filter((k) => runs.some((r) => r[k] !== runs[0][k]));
  if (apart.length) {
    const labels = apart.map((k) => FIELDS.find((f) => f.key === k)!.label.toLowerCase());
    return {
      ok: false,
      message: `The runs must share their ${labels.join(', ')}: every run trains on the very same batches. Set ${apart.length === 1 ? 'it' : 'them'} once, in Settings or on every line alike.`,
    };
  }
  const keys = runs.map((r) => JSON.stringify(settingsToText(r)));
  const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (twice !== -1) return { ok: false, message: `Lines ${keys.indexOf(keys[twice]) + 1} and ${twice + 1} give the very same settings: change one.` };
  return { ok: true, value: runs };
}

/** The settings in which the runs do not all agree, in table order. */
export function differingSettings(runs: readonly RunSettings[]): SettingKey[] {
  return FIELDS.filter((f) => runs.some((r) => settingText(r[f.key]) !== settingText(runs[0][f.key]))).map((f) => f.key);
}

/** One setting of a run, as its name shows it: "lr = 0.1", "μ = 0.9", "Adam", "layers 512-256". */
function namePart(key: SettingKey, s: RunSettings): string {
  const f = FIELDS.find((x) => x.key === key)!;
  switch (f.kind) {
    case 'choice':
      // "SGD (the notebook)" → "SGD": the name says what differs, not which is the preset.
      return (f.choices as ReadonlyArray<{ value: string; label: string }>).find((c) => c.value === s[key])!.label.replace(/\s*\(.*\)$/, '');
    case 'toggle':
      return s[key] ? f.label : `no ${f.label.toLowerCase()}`;
    case 'layers':
      return s.hiddenLayers.length ? `layers ${s.hiddenLayers.join('-')}` : 'no hidden layer';
    case 'number':
      if (key === 'learningRate') return `lr = ${s.learningRate}`;
      if (key === 'momentum') return `μ = ${s.momentum}`;
      if (key === 'patience') return s.patience ? `early stopping (${s.patience})` : 'no early stopping';
      return `${f.label.toLowerCase()} = ${s[key]}`;
  }
}

/**
 * Every run's name, in order, by what sets the runs apart: "lr = 0.1" in a
 * learning-rate race, "lr = 0.01, μ = 0.9" once momenta differ too, "Adam,
 * lr = 0.001" against "SGD, lr = 0.01". The learning rate is named whenever
 * it differs, and alone when nothing does.
 */
export function runNames(runs: readonly RunSettings[]): string[] {
  const differing = differingSettings(runs);
  // A learning-rate race names the learning rate even where only momenta differ ("lr = 0.05, μ = 0.9").
  const race = differing.length > 0 && differing.every((k) => k === 'learningRate' || k === 'momentum');
  const keys: SettingKey[] = race && !differing.includes('learningRate') ? ['learningRate', ...differing] : differing;
  // Nothing differs (a race of one, as the table's own rows are built): name the learning rate.
  return runs.map((r) => (keys.length ? keys : (['learningRate'] as SettingKey[])).map((k) => namePart(k, r)).join(', '));
}
