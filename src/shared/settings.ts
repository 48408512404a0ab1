/**
 * The run settings, described once as a table. The table drives the form's
 * labels and ranges, the validation messages shown at each field, and (later)
 * the shareable URL. Values arrive as the text a student typed.
 */

/** How the first weights are drawn (model/init.ts): PyTorch's default, or Glorot uniform. */
export type InitScheme = 'pytorch' | 'glorot';

/** How the learning rate moves over a run (train/schedule.ts). */
export type ScheduleKind = 'constant' | 'step' | 'exponential' | 'cosine' | 'one-cycle';

export interface RunSettings {
  learningRate: number;
  momentum: number;
  epochs: number;
  batchSize: number;
  seed: number;
  init: InitScheme;
  /** How the learning rate moves over the run (constant = the notebook). */
  schedule: ScheduleKind;
}

export type SettingKey = keyof RunSettings;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

interface NumberField {
  kind: 'number';
  key: Exclude<SettingKey, ChoiceKey>;
  label: string;
  /** Shown under the field: what the number does. */
  hint: string;
  min: number;
  max: number;
  integer: boolean;
  /** Whether min itself is allowed (a learning rate of 0 is not). */
  minInclusive: boolean;
  defaultValue: number;
  /** Input step attribute. */
  step: string;
}

type ChoiceKey = 'init' | 'schedule';

interface ChoiceField<K extends ChoiceKey = ChoiceKey> {
  kind: 'choice';
  key: K;
  label: string;
  hint: string;
  choices: ReadonlyArray<{ value: RunSettings[K]; label: string }>;
  defaultValue: RunSettings[K];
}

export type SettingField = NumberField | ChoiceField<'init'> | ChoiceField<'schedule'>;

/** The ANN_MNIST notebook's settings. */
export const PRESET: RunSettings = { learningRate: 0.01, momentum: 0.5, epochs: 10, batchSize: 64, seed: 1, init: 'pytorch', schedule: 'constant' };

export const LEARNING_RATE_RANGE = { min: 1e-5, max: 10 } as const;

export const FIELDS: readonly SettingField[] = [
  {
    kind: 'number', key: 'learningRate', label: 'Learning rate', step: 'any',
    hint: 'How far each step moves the weights along the gradient.',
    min: LEARNING_RATE_RANGE.min, max: LEARNING_RATE_RANGE.max, integer: false, minInclusive: true, defaultValue: PRESET.learningRate,
  },
  {
    kind: 'number', key: 'momentum', label: 'Momentum', step: '0.01',
    hint: 'How much of the previous step carries into the next (0 = none).',
    min: 0, max: 0.99, integer: false, minInclusive: true, defaultValue: PRESET.momentum,
  },
  {
    kind: 'number', key: 'epochs', label: 'Epochs', step: '1',
    hint: 'Passes over the training set.',
    min: 1, max: 100, integer: true, minInclusive: true, defaultValue: PRESET.epochs,
  },
  {
    kind: 'number', key: 'batchSize', label: 'Batch size', step: '1',
    hint: 'Images per weight update.',
    min: 1, max: 2048, integer: true, minInclusive: true, defaultValue: PRESET.batchSize,
  },
  {
    kind: 'number', key: 'seed', label: 'Seed', step: '1',
    hint: 'Same seed and settings, same curves.',
    min: 0, max: 2 ** 31 - 1, integer: true, minInclusive: true, defaultValue: PRESET.seed,
  },
  {
    kind: 'choice', key: 'init', label: 'Initial weights',
    hint: 'How the weights are drawn before training.',
    choices: [
      { value: 'pytorch', label: 'PyTorch default (±1/√fan-in)' },
      { value: 'glorot', label: 'Glorot uniform (tfjs default)' },
    ],
    defaultValue: PRESET.init,
  },
  {
    kind: 'choice', key: 'schedule', label: 'Learning-rate schedule',
    hint: 'How the learning rate changes over the run.',
    choices: [
      { value: 'constant', label: 'Constant' },
      { value: 'step', label: 'Step decay (×0.1 every 5 epochs)' },
      { value: 'exponential', label: 'Exponential (to 1% by the end)' },
      { value: 'cosine', label: 'Cosine (to 0 by the end)' },
      { value: 'one-cycle', label: 'One-cycle (warm up, then anneal)' },
    ],
    defaultValue: PRESET.schedule,
  },
];

export function field(key: SettingKey): SettingField {
  return FIELDS.find((f) => f.key === key)!;
}

function fmt(n: number): string {
  return n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e4) ? n.toExponential().replace('e+', 'e') : String(n);
}

export function parseNumberField(f: NumberField, text: string): Parsed<number> {
  const name = f.label.toLowerCase();
  const t = text.trim();
  if (t === '') return { ok: false, message: `Enter a ${name}.` };
  // Number() accepts '', '0x1f' and whitespace; a plain decimal or exponent form is what we mean.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { ok: false, message: `The ${name} must be a number, like ${fmt(f.defaultValue)}.` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `The ${name} must be a finite number.` };
  if (f.key === 'learningRate' && v <= 0) return { ok: false, message: 'The learning rate must be greater than 0: with 0 the weights never move, and a negative rate climbs the loss.' };
  if (f.integer && !Number.isInteger(v)) return { ok: false, message: `The ${name} must be a whole number.` };
  if (v < f.min || (!f.minInclusive && v === f.min)) return { ok: false, message: `The ${name} must be at least ${fmt(f.min)} (range ${fmt(f.min)} to ${fmt(f.max)}).` };
  if (v > f.max) return { ok: false, message: `The ${name} must be at most ${fmt(f.max)} (range ${fmt(f.min)} to ${fmt(f.max)}).` };
  return { ok: true, value: v };
}

export type SettingsText = Record<SettingKey, string>;

export function settingsToText(s: RunSettings): SettingsText {
  return {
    learningRate: String(s.learningRate), momentum: String(s.momentum), epochs: String(s.epochs),
    batchSize: String(s.batchSize), seed: String(s.seed), init: s.init, schedule: s.schedule,
  };
}

/** Parses every field; `errors` has a message for each invalid one. */
export function parseSettings(text: SettingsText): { settings: RunSettings | null; errors: Partial<Record<SettingKey, string>> } {
  const errors: Partial<Record<SettingKey, string>> = {};
  const out: Partial<RunSettings> = {};
  for (const f of FIELDS) {
    if (f.kind === 'choice') {
      const c = (f.choices as ReadonlyArray<{ value: string; label: string }>).find((ch) => ch.value === text[f.key]);
      if (c) (out as Record<string, unknown>)[f.key] = c.value;
      else errors[f.key] = `Choose one of: ${f.choices.map((ch) => ch.label).join(', ')}.`;
      continue;
    }
    const r = parseNumberField(f, text[f.key]);
    if (r.ok) out[f.key] = r.value;
    else errors[f.key] = r.message;
  }
  return { settings: Object.keys(errors).length === 0 ? (out as RunSettings) : null, errors };
}
