/**
 * Why a file or a stored record was refused: shared/validate.ts, the model
 * file (model/modelFile.ts) and the run history file (app/history/exchange.ts)
 * give codes with the field's path; app/fileWords.ts words them. Paths and
 * values are the file's own ("metrics.epochsTrained", "1.5"), in every
 * language: that is what someone editing the JSON looks for.
 */
export default {
  /** The whole document, where a problem has no path. */
  whole: 'it',
  wrong: '{{path}} must be {{expected}}, not {{got}}',
  wrongChoice: '{{path}} must be one of {{values}}; not {{got}}',
  empty: '{{path}} must not be empty',
  tooMany: '{{path}} has {{count}} entries, more than the {{max}} allowed',
  tooFew: '{{path}} has {{count}} entries, fewer than the {{min}} needed',
  unknownField: '{{path}} has a field this lab does not know: "{{field}}"',
  moreEpochsThanPlanned: '{{path}} has {{points}} points in curves.validation, more than its {{epochs}} epochs (settings.epochs)',
  networkInOut: "{{path}} has sizes {{sizes}}, but the lab's networks take {{inputs}} pixels in and give {{classes}} digits out",
  networkTooBig: '{{path}} has sizes {{sizes}}: at most {{maxLayers}} hidden layers of at most {{maxWidth}} units',
  settingsMismatch: '{{path}} has settings for the network {{settings}}, but arch is {{arch}}',
  /** A network as a problem shows it: "784 → 128 → 10 (relu, unit)". */
  network: '{{sizes}} ({{activation}}, {{inputScaling}})',
  weightArrays: '{{path}} must be a list of {{count}} weight arrays',
  weightLength: '{{path}} must be {{length}} float32 weights',
  weightsNotFinite: '{{path}} holds NaN or infinite weights',
  notParamShapes: "{{path}} are not the parameter shapes of the file's network (arch)",
  notHex: '{{path}} must be {{digits}} hexadecimal digits',
  notBase64: '{{path}} is not valid base64',
  weightBytes: '{{path}} holds {{bytes}} bytes of weights, expected {{expected}}',
  checksumMismatch: 'the weights do not match {{path}} (the file was cut short or edited)',
  expected: {
    text: 'a text',
    number: 'a number',
    finiteNumber: 'a finite number',
    wholeNumber: 'a whole number',
    list: 'a list',
    object: 'an object',
    date: 'a date like "2025-03-01T10:00:00.000Z"',
    atMostChars: 'at most {{max}} characters long',
    atLeast: 'at least {{min}}',
    greaterThan: 'greater than {{min}}',
    atMost: 'at most {{max}}',
  },
  /** What a wrong value was. */
  got: {
    missing: 'missing',
    emptyText: 'an empty text',
    list: 'a list',
    binary: 'binary data',
    object: 'an object',
    longText: 'a text of {{length}} characters',
    text: '"{{text}}"',
    other: 'a {{type}}',
  },
  model: {
    notJson: 'This file is not a mnist-lab model: it is not valid JSON.',
    notModel: 'This file is not a mnist-lab model (its "format" field is missing or different).',
    newerVersion: 'This model file is version {{version}}, from a newer mnist-lab; this lab reads versions up to {{newest}}. Open it in the newer lab.',
    noVersion: 'This model file has no "version" field; this lab reads versions {{reads}}.',
    unreadableVersion: 'This model file has version {{version}}; this lab reads versions {{reads}}.',
    unbuildable: "This model's network cannot be built here: {{problem}}.",
    damaged: 'This model file is damaged: {{problem}}.',
    notFinite: 'This model file holds NaN or infinite weights (it came from a diverged run).',
  },
  history: {
    notJson: 'This file is not a mnist-lab run history: it is not valid JSON.',
    modelFile: 'This is a saved model file, not a run history: upload it under Saved models.',
    notHistory: 'This file is not a mnist-lab run history (its "format" field is missing or is not "{{format}}").',
    version_one: 'This run history has version {{version}}; this lab reads version {{reads}}.',
    version_other: 'This run history has version {{version}}; this lab reads versions {{reads}}.',
    noRunsList: 'This run history is damaged: its "runs" list is missing.',
    noRuns: 'This run history holds no runs.',
    tooManyRuns: 'This run history holds {{runs}} runs; the lab imports at most {{max}} at a time.',
    badRun: 'Run {{run}}: {{problem}}. Nothing was imported.',
    badNamedRun: 'Run {{run}} (“{{name}}”): {{problem}}. Nothing was imported.',
  },
  /** Why the worker did not take a model's weights. */
  load: {
    busy: 'stop the current run before loading a model',
    noEngine: 'no training engine works in this browser',
  },
} as const;
