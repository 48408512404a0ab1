/**
 * What the training worker and the page's handling of it say, in the page's
 * language: the backend in use and why, and every problem that ends a job or
 * stops the worker. The worker sends codes and numbers (worker/protocol.ts);
 * the store keeps them (a problem stays a code, so a switch of language
 * re-words it); components call these to show them.
 */
import { i18n } from '../i18n/index.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { BackendReason, BackendSkip, WorkerProblem } from '../worker/protocol.ts';
import type { Interruption } from './interruption.ts';

/**
 * Every problem the page shows about a job or the worker: the worker's own,
 * or the page's: a start refused because the worker was busy, a job the
 * worker had already ended (its end message lost), a worker replaced
 * (interrupted) while a job ran, or while none did (`hadModel`: a trained
 * network went with it).
 */
export type PageProblem =
  | WorkerProblem
  | { kind: 'refused-start' }
  | { kind: 'lost-track' }
  | { kind: 'interrupted-job'; interruption: Interruption }
  | { kind: 'interrupted-idle'; interruption: Interruption; hadModel: boolean };

/** "WebGL (GPU)", "wasm (WebAssembly, CPU)", "cpu (plain JavaScript)". */
export const backendLabel = (b: BackendName): string => i18n.t(`worker.backends.${b}`);

function skipText(s: BackendSkip): string {
  const values = { backend: backendLabel(s.backend), id: s.backend, detail: s.detail ?? '' };
  switch (s.why) {
    case 'failed-earlier':
      return i18n.t('worker.skipped.failedEarlier', values);
    case 'did-not-start':
      return s.backend === 'webgl' ? i18n.t('worker.skipped.noContext', values) : i18n.t('worker.skipped.didNotStart', values);
    case 'wrong-result':
      return i18n.t('worker.skipped.wrongResult', values);
    case 'no-webgl':
      return i18n.t('worker.skipped.noWebgl', values);
    case 'threw':
      return i18n.t('worker.skipped.threw', values);
  }
}

/** Why the backend in use is not WebGL as usual. */
export function backendReasonText(backend: BackendName, r: BackendReason): string {
  switch (r.kind) {
    case 'chosen':
      return i18n.t('worker.backendReason.chosen');
    case 'fallback':
      return i18n.t('worker.backendReason.fallback', { skipped: r.skipped.map(skipText).join('; '), backend: backendLabel(backend) });
  }
}

/** What happened to the worker, and what the page did: a new worker, without the backend that failed. */
export function interruptionText(i: Interruption): string {
  const cause = i18n.t(`worker.interrupted.${i.cause}`);
  const what = i.detail ? i18n.t('worker.interrupted.detail', { what: cause, detail: i.detail }) : cause;
  return i.excluded
    ? i18n.t('worker.interrupted.restartedWithout', { what, backend: backendLabel(i.excluded) })
    : i18n.t('worker.interrupted.restarted', { what });
}

export function problemText(p: PageProblem): string {
  switch (p.kind) {
    case 'data-unreachable':
      return i18n.t('worker.problems.dataUnreachable', { file: p.file, detail: p.detail });
    case 'data-missing':
      return p.webPage
        ? i18n.t('worker.problems.dataMissingPage', { file: p.file })
        : i18n.t('worker.problems.dataMissing', { file: p.file, status: p.status });
    case 'data-no-decompression':
      return i18n.t('worker.problems.dataNoDecompression');
    case 'data-damaged':
      return i18n.t('worker.problems.dataDamaged', { detail: p.detail });
    case 'backend-failed':
      return p.next
        ? i18n.t('worker.problems.backendFailed', { backend: p.backend, detail: p.detail, next: p.next })
        : i18n.t('worker.problems.backendFailedLast', { backend: p.backend, detail: p.detail });
    case 'no-backend':
      return i18n.t('worker.problems.noBackend', { skipped: p.skipped.map(skipText).join('; ') });
    case 'training-failed':
      return i18n.t('worker.problems.trainingFailed', { detail: p.detail });
    case 'refused-start':
      return i18n.t('worker.problems.refusedStart');
    case 'lost-track':
      return i18n.t('worker.problems.lostTrack');
    case 'interrupted-job':
      // Its curves stay; its weights went with the worker.
      return i18n.t('worker.interrupted.job', { what: interruptionText(p.interruption) });
    case 'interrupted-idle':
      return p.hadModel ? i18n.t('worker.interrupted.modelLost', { what: interruptionText(p.interruption) }) : interruptionText(p.interruption);
  }
}
