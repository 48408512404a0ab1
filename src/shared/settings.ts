/**
 * The run settings, described once, as a table. A setting is one row: the
 * form's field (kind, group, when it applies), its range, its short name in
 * links and exports, and whether it may change mid-run. Its words (label,
 * hint, choices) are in the catalogues under `settings.fields.<key>`, and a
 * value that does not parse gives a problem code with numbers, which the
 * page words in the student's language. Adding a setting means adding a row,
 * its words, and its math in the engine. Values arrive as the text a student
 * typed.
 */
import type { OptimizerKind } from './optimizer.ts';
import type { Activation, InputScaling } from './network.ts';

/** How the first weights are drawn (model/init.ts): PyTorch's default, or Glorot uniform. */
export type InitScheme = 'pytorch' | 'glorot';

/** How the learning rate moves over a run (train/schedule.ts). */
export type ScheduleKind = 'constant' | 'step' | 'exponential' | 'cosine' | 'one-cycle';

export interface RunSettings {
  optimizer: OptimizerKind;
  learningRate: number;
  /** SGD's and RMSprop's momentum μ. */
  momentum: number;
  /** SGD: Nesterov's momentum. */
  nesterov: boolean;
  /** Adam/AdamW moment decays and ε (RMSprop, Adagrad use ε too). */
  beta1: number;
  beta2: number;
  epsilon: number;
  /** RMSprop's smoothing constant. */
  alpha: number;
  /** How the learning rate moves over the run (constant = the notebook). */
  schedule: ScheduleKind;
  /** λ: L2 in the gradient, or AdamW's decoupled decay. */
  weightDecay: number;
  /** Fraction of hidden units dropped per training batch. */
  dropout: number;
  /** Early stopping: epochs without a lower validation loss before the run stops; 0 = off. */
  patience: number;
  /** Hidden layer widths, input side first; [] = none (a linear classifier). */
  hiddenLayers: number[];
  activation: Activation;
  init: InitScheme;
  inputScaling: InputScaling;
  /** Training images (a random subset of the 50,000 not held out for validation). */
  trainSize: number;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Augmentation (data/augment): each training image turns by an angle uniform in ±rotationDeg, degrees; 0 = off. */
  rotationDeg: number;
  /** … moves by a whole number of pixels uniform in ±shiftPx along x and y; 0 = off. */
  shiftPx: number;
  /** … is scaled about its centre by 1 + s/100, s uniform in ±scalePct (%); 0 = off. */
  scalePct: number;
  /** … is distorted elastically (Simard et al. 2003) with strength elasticAlpha (px) and smoothness elasticSigma (px). */
  elastic: boolean;
  elasticAlpha: number;
  elasticSigma: number;
}

export type SettingKey = keyof RunSettings;

/** Why a typed value is not a value: a code and the numbers its message needs (worded by the page). */
export type SettingProblem =
  | { code: 'empty'; example: number }
  | { code: 'notNumber'; example: number }
  | { code: 'notFinite' }
  | { code: 'learningRatePositive' }
  | { code: 'notWhole' }
  | { code: 'belowMin' | 'aboveMax'; min: number; max: number }
  /** "0,01" where only the decimal point is read; `value` is what it would be with a point. */
  | { code: 'decimalComma'; value: number }
  /** Both separators ("1.000,5"), or a comma in a list that also uses commas between values. */
  | { code: 'ambiguousDecimal'; example: number }
  | { code: 'tooManyLayers'; max: number; given: number }
  | { code: 'layerNotWhole'; item: string }
  | { code: 'layerWidth'; max: number; given: number }
  | { code: 'notToggle' }
  | { code: 'notChoice'; choices: readonly string[] };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SettingProblem };

const fail = (problem: SettingProblem): { ok: false; problem: SettingProblem } => ({ ok: false, problem });

/** How typed numbers are read: the decimal point always; the decimal comma too where the page's language writes it (pt-BR). */
export interface ReadOptions {
  decimalComma?: boolean;
}

/** The form's sections, in order. */
export type SettingGroup = 'optimizer' | 'regularisation' | 'network' | 'data' | 'augmentation' | 'training';

export const SETTING_GROUPS: readonly SettingGroup[] = ['optimizer', 'regularisation', 'network', 'data', 'augmentation', 'training'];

/** The on/off settings; a field may depend on one of them (`when`). */
export type ToggleKey = 'nesterov' | 'elastic';

interface FieldBase<K extends SettingKey> {
  key: K;
  group: SettingGroup;
  /** Short name in shareable links (and nothing else may use it). */
  url: string;
  /** Only these optimizers read it; the field hides, and its value is not checked, for the others. */
  optimizers?: readonly OptimizerKind[];
  /** Only read while this switch is on (elastic distortion's α and σ); the field hides, and its value is not checked, while it is off. */
  when?: ToggleKey;
  /** May change during a run (from the next batch). */
  live?: boolean;
}

type NumberKey = { [K in SettingKey]: RunSettings[K] extends number ? K : never }[SettingKey];
type ChoiceKey = 'optimizer' | 'schedule' | 'activation' | 'init' | 'inputScaling';

export interface NumberField extends FieldBase<NumberKey> {
  kind: 'number';
  min: number;
  max: number;
  integer: boolean;
  /** Whether min itself is allowed (a learning rate of 0 is not). */
  minInclusive: boolean;
  /** Input step attribute. */
  step: string;
}

export interface ChoiceField<K extends ChoiceKey = ChoiceKey> extends FieldBase<K> {
  kind: 'choice';
  choices: ReadonlyArray<RunSettings[K]>;
}

export interface ToggleField extends FieldBase<ToggleKey> {
  kind: 'toggle';
}

/** A list of layer widths, like "128, 64". */
export interface LayersField extends FieldBase<'hiddenLayers'> {
  kind: 'layers';
  maxLayers: number;
  maxWidth: number;
}

export type SettingField =
  | NumberField
  | ChoiceField<'optimizer'>
  | ChoiceField<'schedule'>
  | ChoiceField<'activation'>
  | ChoiceField<'init'>
  | ChoiceField<'inputScaling'>
  | ToggleField
  | LayersField;

/** The ANN_MNIST notebook's settings (and PyTorch's defaults for what the notebook does not set). */
export const PRESET: RunSettings = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.5,
  nesterov: false,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  alpha: 0.99,
  schedule: 'constant',
  weightDecay: 0,
  dropout: 0,
  patience: 0,
  hiddenLayers: [128, 64],
  activation: 'relu',
  init: 'pytorch',
  inputScaling: 'unit',
  trainSize: 50_000,
  epochs: 10,
  batchSize: 64,
  seed: 1,
  // The notebook trains on the images as stored: augmentation is off.
  rotationDeg: 0,
  shiftPx: 0,
  scalePct: 0,
  elastic: false,
  // Simard et al.'s values for MNIST, the starting point once elastic distortion is switched on.
  elasticAlpha: 34,
  elasticSigma: 4,
};

export const LEARNING_RATE_RANGE = { min: 1e-5, max: 10 } as const;

/** Images of the official 60,000 that can be trained on: the rest are held out for validation. */
export const MAX_TRAIN_SIZE = 50_000;

const ADAM: readonly OptimizerKind[] = ['adam', 'adamw'];

// biome-ignore format: a table reads best one row per line
export const FIELDS: readonly SettingField[] = [
  { kind: 'choice', key: 'optimizer', group: 'optimizer', url: 'opt', choices: ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] },
  { kind: 'number', key: 'learningRate', group: 'optimizer', url: 'lr', step: 'any', live: true, min: LEARNING_RATE_RANGE.min, max: LEARNING_RATE_RANGE.max, integer: false, minInclusive: true },
  { kind: 'number', key: 'momentum', group: 'optimizer', url: 'mom', step: '0.01', live: true, optimizers: ['sgd', 'rmsprop'], min: 0, max: 0.99, integer: false, minInclusive: true },
  { kind: 'toggle', key: 'nesterov', group: 'optimizer', url: 'nesterov', optimizers: ['sgd'] },
  { kind: 'number', key: 'beta1', group: 'optimizer', url: 'b1', step: '0.01', live: true, optimizers: ADAM, min: 0, max: 0.999, integer: false, minInclusive: true },
  { kind: 'number', key: 'beta2', group: 'optimizer', url: 'b2', step: '0.001', live: true, optimizers: ADAM, min: 0, max: 0.99999, integer: false, minInclusive: true },
  { kind: 'number', key: 'alpha', group: 'optimizer', url: 'alpha', step: '0.01', live: true, optimizers: ['rmsprop'], min: 0, max: 0.9999, integer: false, minInclusive: true },
  { kind: 'number', key: 'epsilon', group: 'optimizer', url: 'eps', step: 'any', live: true, optimizers: ['adam', 'adamw', 'rmsprop', 'adagrad'], min: 1e-12, max: 1, integer: false, minInclusive: true },
  { kind: 'choice', key: 'schedule', group: 'optimizer', url: 'sched', choices: ['constant', 'step', 'exponential', 'cosine', 'one-cycle'] },
  { kind: 'number', key: 'weightDecay', group: 'regularisation', url: 'wd', step: 'any', live: true, min: 0, max: 1, integer: false, minInclusive: true },
  { kind: 'number', key: 'dropout', group: 'regularisation', url: 'drop', step: '0.05', live: true, min: 0, max: 0.9, integer: false, minInclusive: true },
  { kind: 'number', key: 'patience', group: 'regularisation', url: 'patience', step: '1', min: 0, max: 100, integer: true, minInclusive: true },
  { kind: 'layers', key: 'hiddenLayers', group: 'network', url: 'layers', maxLayers: 4, maxWidth: 1024 },
  { kind: 'choice', key: 'activation', group: 'network', url: 'act', choices: ['relu', 'leaky-relu', 'tanh', 'sigmoid'] },
  { kind: 'choice', key: 'init', group: 'network', url: 'init', choices: ['pytorch', 'glorot'] },
  { kind: 'choice', key: 'inputScaling', group: 'data', url: 'scale', choices: ['unit', 'standardised'] },
  { kind: 'number', key: 'trainSize', group: 'data', url: 'train', step: '1', min: 100, max: MAX_TRAIN_SIZE, integer: true, minInclusive: true },
  { kind: 'number', key: 'rotationDeg', group: 'augmentation', url: 'rot', step: '5', min: 0, max: 90, integer: false, minInclusive: true },
  { kind: 'number', key: 'shiftPx', group: 'augmentation', url: 'shift', step: '1', min: 0, max: 8, integer: true, minInclusive: true },
  { kind: 'number', key: 'scalePct', group: 'augmentation', url: 'zoom', step: '1', min: 0, max: 30, integer: false, minInclusive: true },
  { kind: 'toggle', key: 'elastic', group: 'augmentation', url: 'elastic' },
  { kind: 'number', key: 'elasticAlpha', group: 'augmentation', url: 'ealpha', step: '1', when: 'elastic', min: 0, max: 100, integer: false, minInclusive: true },
  { kind: 'number', key: 'elasticSigma', group: 'augmentation', url: 'esigma', step: '0.5', when: 'elastic', min: 1, max: 10, integer: false, minInclusive: true },
  { kind: 'number', key: 'epochs', group: 'training', url: 'epochs', step: '1', min: 1, max: 100, integer: true, minInclusive: true },
  { kind: 'number', key: 'batchSize', group: 'training', url: 'batch', step: '1', min: 1, max: 2048, integer: true, minInclusive: true },
  { kind: 'number', key: 'seed', group: 'training', url: 'seed', step: '1', min: 0, max: 2 ** 31 - 1, integer: true, minInclusive: true },
];

/** The field of a setting, typed by its kind (a number key gives a NumberField). */
export type FieldOf<K extends SettingKey> = K extends NumberKey ? NumberField : K extends ToggleKey ? ToggleField : Extract<SettingField, { key: K }>;

export function field<K extends SettingKey>(key: K): FieldOf<K> {
  return FIELDS.find((f) => f.key === key) as FieldOf<K>;
}

/** The switches a field may depend on (`when`); one absent is off. */
export type Switches = Partial<Pick<RunSettings, ToggleKey>>;

/** Whether a field means anything with these settings (momentum does not for Adam, elastic α does not while elastic distortion is off). */
export function applies(f: SettingField, optimizer: OptimizerKind, switches: Switches = {}): boolean {
  return (!f.optimizers || f.optimizers.includes(optimizer)) && (!f.when || switches[f.when] === true);
}

/**
 * A typed number as its value: "0.01", "1e-3", ".5"; with `decimalComma`, also
 * "0,01". Thousands separators are not read ("1,000" is not a thousand in
 * pt-BR and would be one in English), so a text with both marks is ambiguous.
 */
export function readDecimal(text: string, { decimalComma = false }: ReadOptions = {}): number | SettingProblem {
  let t = text.trim();
  if (t.includes(',')) {
    if (t.includes('.') || t.indexOf(',') !== t.lastIndexOf(',')) return { code: 'ambiguousDecimal', example: 0 };
    const asPoint = t.replace(',', '.');
    if (!DECIMAL.test(asPoint)) return { code: 'notNumber', example: 0 };
    if (!decimalComma) return { code: 'decimalComma', value: Number(asPoint) };
    t = asPoint;
  }
  // Number() accepts '', '0x1f' and whitespace; a plain decimal or exponent form is what we mean.
  if (!DECIMAL.test(t)) return { code: 'notNumber', example: 0 };
  return Number(t);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseNumberField(f: NumberField, text: string, options: ReadOptions = {}): Parsed<number> {
  const example = PRESET[f.key];
  if (text.trim() === '') return fail({ code: 'empty', example });
  const v = readDecimal(text, options);
  if (typeof v !== 'number') return fail(v.code === 'notNumber' || v.code === 'ambiguousDecimal' ? { code: v.code, example } : v);
  if (!Number.isFinite(v)) return fail({ code: 'notFinite' });
  if (f.key === 'learningRate' && v <= 0) return fail({ code: 'learningRatePositive' });
  if (f.integer && !Number.isInteger(v)) return fail({ code: 'notWhole' });
  if (v < f.min || (!f.minInclusive && v === f.min)) return fail({ code: 'belowMin', min: f.min, max: f.max });
  if (v > f.max) return fail({ code: 'aboveMax', min: f.min, max: f.max });
  return { ok: true, value: v };
}

/** "128, 64" → [128, 64]; commas, semicolons or spaces between widths; empty or "none" → no hidden layer. */
export function parseLayers(f: LayersField, text: string): Parsed<number[]> {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'none') return { ok: true, value: [] };
  const items = t.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length > f.maxLayers) return fail({ code: 'tooManyLayers', max: f.maxLayers, given: items.length });
  const widths: number[] = [];
  for (const item of items) {
    if (!/^\d+$/.test(item)) return fail({ code: 'layerNotWhole', item: item.slice(0, 20) });
    const w = Number(item);
    if (w < 1 || w > f.maxWidth) return fail({ code: 'layerWidth', max: f.maxWidth, given: w });
    widths.push(w);
  }
  return { ok: true, value: widths };
}

export type SettingsText = Record<SettingKey, string>;

/**
 * A value as the form shows it ("128, 64" for a list); with `decimalComma`,
 * "0,01". Links, exports and comparisons of settings use the point form.
 */
export function settingText(value: RunSettings[SettingKey], { decimalComma = false }: ReadOptions = {}): string {
  if (Array.isArray(value)) return value.join(', ');
  const t = String(value);
  return decimalComma && typeof value === 'number' ? t.replace('.', ',') : t;
}

export function settingsToText(s: RunSettings, options: ReadOptions = {}): SettingsText {
  const out = {} as SettingsText;
  for (const f of FIELDS) out[f.key] = settingText(s[f.key], options);
  return out;
}

/** One field's text as its value, or why it is not one. */
export function parseField(f: SettingField, text: string, options: ReadOptions = {}): Parsed<RunSettings[SettingKey]> {
  switch (f.kind) {
    case 'number':
      return parseNumberField(f, text, options);
    case 'layers':
      return parseLayers(f, text);
    case 'toggle':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : fail({ code: 'notToggle' });
    case 'choice': {
      const choices = f.choices as readonly string[];
      return choices.includes(text) ? { ok: true, value: text as RunSettings[ChoiceKey] } : fail({ code: 'notChoice', choices });
    }
  }
}

/**
 * Parses every field; `errors` has a message for each invalid one. A field
 * missing from the text (a file from before the setting existed) takes the
 * notebook's value; a field the chosen optimizer does not read, or whose
 * switch is off, is not judged (a half-typed β₁ left behind when switching
 * to SGD must not block Train) and takes the notebook's value if it does not
 * parse.
 */
export function parseSettings(
  text: Partial<SettingsText>,
  options: ReadOptions = {},
): { settings: RunSettings | null; errors: Partial<Record<SettingKey, SettingProblem>> } {
  const errors: Partial<Record<SettingKey, SettingProblem>> = {};
  const out = { ...PRESET } as Record<SettingKey, unknown>;
  const optimizer = parseField(field('optimizer'), text.optimizer ?? PRESET.optimizer);
  const kind = optimizer.ok ? (optimizer.value as OptimizerKind) : PRESET.optimizer;
  const switches = switchesOf(text);
  for (const f of FIELDS) {
    const t = text[f.key];
    if (t === undefined) continue;
    const r = parseField(f, t, options);
    if (r.ok) out[f.key] = r.value;
    else if (applies(f, kind, switches)) errors[f.key] = r.problem;
  }
  return { settings: Object.keys(errors).length === 0 ? (out as unknown as RunSettings) : null, errors };
}

/** Which switches the text turns on (one that does not parse is the notebook's). */
export function switchesOf(text: Partial<SettingsText>): Switches {
  const out: Switches = {};
  for (const f of FIELDS) {
    if (f.kind !== 'toggle') continue;
    const r = parseField(f, text[f.key] ?? String(PRESET[f.key]));
    out[f.key] = r.ok ? (r.value as boolean) : PRESET[f.key];
  }
  return out;
}

/** The settings in which `b` differs from `a`, in table order. */
export function differingKeys(a: RunSettings, b: RunSettings): SettingKey[] {
  return FIELDS.filter((f) => settingText(a[f.key]) !== settingText(b[f.key])).map((f) => f.key);
}
