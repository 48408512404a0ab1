/**
 * Why a file or a stored record was refused, in the page's language. The
 * readers (shared/validate.ts, model/modelFile.ts, history/exchange.ts) give
 * codes with the field's path and the values; paths, values and the formats'
 * own names stay as the file writes them, since that is what someone editing
 * the JSON looks for.
 */
import { i18n } from '../i18n/index.ts';
import type { ModelFileProblem } from '../model/modelFile.ts';
import type { Expected, NetworkShown, ReadProblem, Shown } from '../shared/validate.ts';
import type { LoadRefusal } from '../worker/protocol.ts';
import type { HistoryFileProblem } from './history/exchange.ts';
import { count, listAnd } from './format.ts';

const where = (path: string): string => path || i18n.t('files.whole');

function shownText(v: Shown): string {
  switch (v.kind) {
    case 'missing':
    case 'emptyText':
    case 'list':
    case 'binary':
    case 'object':
      return i18n.t(`files.got.${v.kind}`);
    case 'longText':
      return i18n.t('files.got.longText', { length: count(v.length) });
    case 'text':
      return i18n.t('files.got.text', { text: v.text });
    case 'value':
      return v.value;
    case 'other':
      return i18n.t('files.got.other', { type: v.type });
  }
}

function expectedText(e: Exclude<Expected, { kind: 'oneOf' }>): string {
  switch (e.kind) {
    case 'atMostChars':
      return i18n.t('files.expected.atMostChars', { max: count(e.max) });
    case 'atLeast':
    case 'greaterThan':
      return i18n.t(`files.expected.${e.kind}`, { min: e.min });
    case 'atMost':
      return i18n.t('files.expected.atMost', { max: e.max });
    default:
      return i18n.t(`files.expected.${e.kind}`);
  }
}

const sizesText = (sizes: readonly number[]): string => sizes.join(' → ');
const networkText = (n: NetworkShown): string => i18n.t('files.network', { sizes: sizesText(n.sizes), activation: n.activation, inputScaling: n.inputScaling });

/** "metrics.epochsTrained must be a number, not an object". */
export function readProblemText(p: ReadProblem): string {
  const path = where(p.path);
  switch (p.code) {
    case 'wrong':
      return p.expected.kind === 'oneOf'
        ? i18n.t('files.wrongChoice', { path, values: p.expected.values.map((x) => JSON.stringify(x)).join(', '), got: shownText(p.got) })
        : i18n.t('files.wrong', { path, expected: expectedText(p.expected), got: shownText(p.got) });
    case 'empty':
    case 'weightsNotFinite':
    case 'notParamShapes':
    case 'notBase64':
    case 'checksumMismatch':
      return i18n.t(`files.${p.code}`, { path });
    case 'tooMany':
      return i18n.t('files.tooMany', { path, count: count(p.count), max: count(p.max) });
    case 'tooFew':
      return i18n.t('files.tooFew', { path, count: count(p.count), min: count(p.min) });
    case 'unknownField':
      return i18n.t('files.unknownField', { path, field: p.field });
    case 'moreEpochsThanPlanned':
      return i18n.t('files.moreEpochsThanPlanned', { path, points: count(p.points), epochs: count(p.epochs) });
    case 'networkInOut':
      return i18n.t('files.networkInOut', { path, sizes: sizesText(p.sizes), inputs: p.inputs, classes: p.classes });
    case 'networkTooBig':
      return i18n.t('files.networkTooBig', { path, sizes: sizesText(p.sizes), maxLayers: p.maxLayers, maxWidth: p.maxWidth });
    case 'settingsMismatch':
      return i18n.t('files.settingsMismatch', { path, settings: networkText(p.settings), arch: networkText(p.arch) });
    case 'weightArrays':
      return i18n.t('files.weightArrays', { path, count: p.count });
    case 'weightLength':
      return i18n.t('files.weightLength', { path, length: count(p.length) });
    case 'notHex':
      return i18n.t('files.notHex', { path, digits: p.digits });
    case 'weightBytes':
      return i18n.t('files.weightBytes', { path, bytes: count(p.bytes), expected: count(p.expected) });
  }
}

const versionsText = (reads: readonly number[]): string => listAnd(reads.map(String));

/** Why a model file cannot be used, in a sentence. */
export function modelFileProblemText(p: ModelFileProblem): string {
  switch (p.code) {
    case 'notJson':
    case 'notModel':
    case 'notFinite':
      return i18n.t(`files.model.${p.code}`);
    case 'newerVersion':
      return i18n.t('files.model.newerVersion', { version: p.version, newest: p.newest });
    case 'unreadableVersion':
      return p.version.kind === 'missing'
        ? i18n.t('files.model.noVersion', { reads: versionsText(p.reads) })
        : i18n.t('files.model.unreadableVersion', { version: shownText(p.version), reads: versionsText(p.reads) });
    case 'unbuildable':
    case 'damaged':
      return i18n.t(`files.model.${p.code}`, { problem: readProblemText(p.problem) });
  }
}

/** Why a run history file was refused, in a sentence. */
export function historyFileProblemText(p: HistoryFileProblem): string {
  switch (p.code) {
    case 'notJson':
    case 'modelFile':
    case 'noRunsList':
    case 'noRuns':
      return i18n.t(`files.history.${p.code}`);
    case 'notHistory':
      return i18n.t('files.history.notHistory', { format: p.format });
    case 'version':
      return i18n.t('files.history.version', { count: p.reads.length, version: shownText(p.version), reads: versionsText(p.reads) });
    case 'tooManyRuns':
      return i18n.t('files.history.tooManyRuns', { runs: count(p.runs), max: count(p.max) });
    case 'badRun': {
      const values = { run: count(p.run), problem: readProblemText(p.problem) };
      return p.name ? i18n.t('files.history.badNamedRun', { ...values, name: p.name }) : i18n.t('files.history.badRun', values);
    }
  }
}

/** Why the worker did not take a model's weights (after "The model could not be loaded: "). */
export function loadRefusalText(r: LoadRefusal): string {
  switch (r.code) {
    case 'busy':
      return i18n.t('files.load.busy');
    case 'no-engine':
      return i18n.t('files.load.noEngine');
    case 'invalid':
      return readProblemText(r.problem);
  }
}
