/**
 * The run settings, described once, as a table. A setting is one row: the
 * form's field (label, hint, group, when it applies), its range and its
 * validation message, its short name in links and exports, and whether it
 * may change mid-run. Adding a setting means adding a row (and its math in
 * the engine), nothing else. Values arrive as the text a student typed.
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
}

export type SettingKey = keyof RunSettings;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The form's sections, in order. */
export type SettingGroup = 'optimizer' | 'regularisation' | 'network' | 'data' | 'training';

export const SETTING_GROUPS: readonly { group: SettingGroup; label: string }[] = [
  { group: 'optimizer', label: 'Optimizer' },
  { group: 'regularisation', label: 'Regularisation' },
  { group: 'network', label: 'Network' },
  { group: 'data', label: 'Data' },
  { group: 'training', label: 'Training' },
];

interface FieldBase<K extends SettingKey> {
  key: K;
  group: SettingGroup;
  label: string;
  /** Shown under the field: what it does, in one line. */
  hint: string;
  /** Short name in shareable links (and nothing else may use it). */
  url: string;
  /** Only these optimizers read it; the field hides, and its value is not checked, for the others. */
  optimizers?: readonly OptimizerKind[];
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
  choices: ReadonlyArray<{ value: RunSettings[K]; label: string }>;
}

export interface ToggleField extends FieldBase<'nesterov'> {
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
};

export const LEARNING_RATE_RANGE = { min: 1e-5, max: 10 } as const;

/** Images of the official 60,000 that can be trained on: the rest are held out for validation. */
export const MAX_TRAIN_SIZE = 50_000;

const ADAM: readonly OptimizerKind[] = ['adam', 'adamw'];

// biome-ignore format: a table reads best one row per line
export const FIELDS: readonly SettingField[] = [
  { kind: 'choice', key: 'optimizer', group: 'optimizer', url: 'opt', label: 'Optimizer',
    hint: 'How each step turns the gradient into a change of the weights.',
    choices: [
      { value: 'sgd', label: 'SGD (the notebook)' },
      { value: 'adam', label: 'Adam' },
      { value: 'adamw', label: 'AdamW (decoupled weight decay)' },
      { value: 'rmsprop', label: 'RMSprop' },
      { value: 'adagrad', label: 'Adagrad' },
    ] },
  { kind: 'number', key: 'learningRate', group: 'optimizer', url: 'lr', label: 'Learning rate', step: 'any', live: true,
    hint: 'How far each step moves the weights along the gradient.',
    min: LEARNING_RATE_RANGE.min, max: LEARNING_RATE_RANGE.max, integer: false, minInclusive: true },
  { kind: 'number', key: 'momentum', group: 'optimizer', url: 'mom', label: 'Momentum', step: '0.01', live: true, optimizers: ['sgd', 'rmsprop'],
    hint: 'How much of the previous step carries into the next (0 = none).',
    min: 0, max: 0.99, integer: false, minInclusive: true },
  { kind: 'toggle', key: 'nesterov', group: 'optimizer', url: 'nesterov', label: 'Nesterov momentum', optimizers: ['sgd'],
    hint: 'Look ahead: step along the gradient plus the momentum it is about to add.' },
  { kind: 'number', key: 'beta1', group: 'optimizer', url: 'b1', label: 'β₁', step: '0.01', live: true, optimizers: ADAM,
    hint: 'Decay of the running mean of gradients (Adam’s momentum).',
    min: 0, max: 0.999, integer: false, minInclusive: true },
  { kind: 'number', key: 'beta2', group: 'optimizer', url: 'b2', label: 'β₂', step: '0.001', live: true, optimizers: ADAM,
    hint: 'Decay of the running mean of squared gradients.',
    min: 0, max: 0.99999, integer: false, minInclusive: true },
  { kind: 'number', key: 'alpha', group: 'optimizer', url: 'alpha', label: 'α (smoothing)', step: '0.01', live: true, optimizers: ['rmsprop'],
    hint: 'Decay of the running mean of squared gradients.',
    min: 0, max: 0.9999, integer: false, minInclusive: true },
  { kind: 'number', key: 'epsilon', group: 'optimizer', url: 'eps', label: 'ε', step: 'any', live: true, optimizers: ['adam', 'adamw', 'rmsprop', 'adagrad'],
    hint: 'Added under the square root’s result, so a tiny gradient history cannot blow a step up.',
    min: 1e-12, max: 1, integer: false, minInclusive: true },
  { kind: 'choice', key: 'schedule', group: 'optimizer', url: 'sched', label: 'Learning-rate schedule',
    hint: 'How the learning rate changes over the run.',
    choices: [
      { value: 'constant', label: 'Constant' },
      { value: 'step', label: 'Step decay (×0.1 every 5 epochs)' },
      { value: 'exponential', label: 'Exponential (to 1% by the end)' },
      { value: 'cosine', label: 'Cosine (to 0 by the end)' },
      { value: 'one-cycle', label: 'One-cycle (warm up, then anneal)' },
    ] },
  { kind: 'number', key: 'weightDecay', group: 'regularisation', url: 'wd', label: 'Weight decay', step: 'any', live: true,
    hint: 'Pulls every weight toward 0 each step (L2; AdamW decouples it from the gradient).',
    min: 0, max: 1, integer: false, minInclusive: true },
  { kind: 'number', key: 'dropout', group: 'regularisation', url: 'drop', label: 'Dropout', step: '0.05', live: true,
    hint: 'Fraction of hidden units switched off in each training batch (never when evaluating).',
    min: 0, max: 0.9, integer: false, minInclusive: true },
  { kind: 'number', key: 'patience', group: 'regularisation', url: 'patience', label: 'Early stopping patience', step: '1',
    hint: 'Stop after this many epochs without a lower validation loss, keeping the best epoch’s weights (0 = off).',
    min: 0, max: 100, integer: true, minInclusive: true },
  { kind: 'layers', key: 'hiddenLayers', group: 'network', url: 'layers', label: 'Hidden layers',
    hint: 'Units per hidden layer, input side first, like 128, 64 (empty: no hidden layer).',
    maxLayers: 4, maxWidth: 1024 },
  { kind: 'choice', key: 'activation', group: 'network', url: 'act', label: 'Activation',
    hint: 'The nonlinearity after each hidden layer.',
    choices: [
      { value: 'relu', label: 'ReLU (the notebook)' },
      { value: 'leaky-relu', label: 'Leaky ReLU (slope 0.01)' },
      { value: 'tanh', label: 'tanh' },
      { value: 'sigmoid', label: 'Sigmoid' },
    ] },
  { kind: 'choice', key: 'init', group: 'network', url: 'init', label: 'Initial weights',
    hint: 'How the weights are drawn before training.',
    choices: [
      { value: 'pytorch', label: 'PyTorch default (±1/√fan-in)' },
      { value: 'glorot', label: 'Glorot uniform (tfjs default)' },
    ] },
  { kind: 'choice', key: 'inputScaling', group: 'data', url: 'scale', label: 'Input scaling',
    hint: 'How a pixel becomes an input.',
    choices: [
      { value: 'unit', label: 'pixel / 255 (the notebook)' },
      { value: 'standardised', label: 'Standardised (mean 0.1307, std 0.3081)' },
    ] },
  { kind: 'number', key: 'trainSize', group: 'data', url: 'train', label: 'Training images', step: '1',
    hint: 'A random subset of the 50,000 not held out; small sets show overfitting.',
    min: 100, max: MAX_TRAIN_SIZE, integer: true, minInclusive: true },
  { kind: 'number', key: 'epochs', group: 'training', url: 'epochs', label: 'Epochs', step: '1',
    hint: 'Passes over the training set.',
    min: 1, max: 100, integer: true, minInclusive: true },
  { kind: 'number', key: 'batchSize', group: 'training', url: 'batch', label: 'Batch size', step: '1',
    hint: 'Images per weight update.',
    min: 1, max: 2048, integer: true, minInclusive: true },
  { kind: 'number', key: 'seed', group: 'training', url: 'seed', label: 'Seed', step: '1',
    hint: 'Same seed and settings, same curves.',
    min: 0, max: 2 ** 31 - 1, integer: true, minInclusive: true },
];

/** The field of a setting, typed by its kind (a number key gives a NumberField). */
export type FieldOf<K extends SettingKey> = K extends NumberKey ? NumberField : Extract<SettingField, { key: K }>;

export function field<K extends SettingKey>(key: K): FieldOf<K> {
  return FIELDS.find((f) => f.key === key) as FieldOf<K>;
}

/** Whether a field means anything with these settings (momentum does not for Adam). */
export function applies(f: SettingField, optimizer: OptimizerKind): boolean {
  return !f.optimizers || f.optimizers.includes(optimizer);
}

/** A number as the messages write it: 1e-5, 0.01, 2,147,483,647. */
export function formatSettingNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e4) return n.toLocaleString('en-US');
  return n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e4) ? n.toExponential().replace('e+', 'e') : String(n);
}

export function parseNumberField(f: NumberField, text: string): Parsed<number> {
  const name = f.label.toLowerCase();
  const t = text.trim();
  const like = formatSettingNumber(PRESET[f.key]);
  const range = `${formatSettingNumber(f.min)} to ${formatSettingNumber(f.max)}`;
  if (t === '') return { ok: false, message: `Enter a value for ${name}, like ${like}.` };
  // Number() accepts '', '0x1f' and whitespace; a plain decimal or exponent form is what we mean.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { ok: false, message: `The ${name} must be a number, like ${like}.` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `The ${name} must be a finite number.` };
  if (f.key === 'learningRate' && v <= 0)
    return { ok: false, message: 'The learning rate must be greater than 0: with 0 the weights never move, and a negative rate climbs the loss.' };
  if (f.integer && !Number.isInteger(v)) return { ok: false, message: `The ${name} must be a whole number.` };
  if (v < f.min || (!f.minInclusive && v === f.min))
    return { ok: false, message: `The ${name} must be at least ${formatSettingNumber(f.min)} (range ${range}).` };
  if (v > f.max) return { ok: false, message: `The ${name} must be at most ${formatSettingNumber(f.max)} (range ${range}).` };
  return { ok: true, value: v };
}

/** "128, 64" → [128, 64]; commas, semicolons or spaces between widths; empty or "none" → no hidden layer. */
export function parseLayers(f: LayersField, text: string): Parsed<number[]> {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'none') return { ok: true, value: [] };
  const items = t.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length > f.maxLayers) return { ok: false, message: `At most ${f.maxLayers} hidden layers (you listed ${items.length}).` };
  const widths: number[] = [];
  for (const item of items) {
    if (!/^\d+$/.test(item)) return { ok: false, message: `“${item.slice(0, 20)}” is not a whole number of units: list widths like 128, 64.` };
    const w = Number(item);
    if (w < 1 || w > f.maxWidth) return { ok: false, message: `A hidden layer has 1 to ${f.maxWidth} units (you wrote ${w}).` };
    widths.push(w);
  }
  return { ok: true, value: widths };
}

export type SettingsText = Record<SettingKey, string>;

/** A value as the form shows it ("128, 64" for a list). */
export function settingText(value: RunSettings[SettingKey]): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export function settingsToText(s: RunSettings): SettingsText {
  const out = {} as SettingsText;
  for (const f of FIELDS) out[f.key] = settingText(s[f.key]);
  return out;
}

/** One field's text as its value, or why it is not one. */
export function parseField(f: SettingField, text: string): Parsed<RunSettings[SettingKey]> {
  switch (f.kind) {
    case 'number':
      return parseNumberField(f, text);
    case 'layers':
      return parseLayers(f, text);
    case 'toggle':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, message: `${f.label} is on (true) or off (false).` };
    case 'choice': {
      const c = (f.choices as ReadonlyArray<{ value: string; label: string }>).find((ch) => ch.value === text);
      return c
        ? { ok: true, value: c.value as RunSettings[ChoiceKey] }
        : { ok: false, message: `Choose one of: ${f.choices.map((ch) => ch.label).join(', ')}.` };
    }
  }
}

/**
 * Parses every field; `errors` has a message for each invalid one. A field
 * missing from the text (a file from before the setting existed) takes the
 * notebook's value; a field the chosen optimizer does not read is not
 * judged (a half-typed β₁ left behind when switching to SGD must not block
 * Train) and takes the notebook's value if it does not parse.
 */
export function parseSettings(text: Partial<SettingsText>): { settings: RunSettings | null; errors: Partial<Record<SettingKey, string>> } {
  const errors: Partial<Record<SettingKey, string>> = {};
  const out = { ...PRESET } as Record<SettingKey, unknown>;
  const optimizer = parseField(field('optimizer'), text.optimizer ?? PRESET.optimizer);
  const kind = optimizer.ok ? (optimizer.value as OptimizerKind) : PRESET.optimizer;
  for (const f of FIELDS) {
    const t = text[f.key];
    if (t === undefined) continue;
    const r = parseField(f, t);
    if (r.ok) out[f.key] = r.value;
    else if (applies(f, kind)) errors[f.key] = r.message;
  }
  return { settings: Object.keys(errors).length === 0 ? (out as unknown as RunSettings) : null, errors };
}

/** The settings in which `b` differs from `a`, in table order. */
export function differingKeys(a: RunSettings, b: RunSettings): SettingKey[] {
  return FIELDS.filter((f) => settingText(a[f.key]) !== settingText(b[f.key])).map((f) => f.key);
}
