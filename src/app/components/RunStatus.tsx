/**
 * Where the run stands: the engine in use and why, the progress bar, the
 * latest epoch's figures, and any message that ended the run.
 */
import { useTranslation } from 'react-i18next';
import { ANN_MNIST } from '../../model/architecture.ts';
import { PRESET } from '../../shared/settings.ts';
import { engineName, engineReason, fallbackWords, probeWords } from '../engineWords.ts';
import { count, duration, loss3, pct, rate, settingNumber } from '../format.ts';
import { networkText } from '../networkWords.ts';
import { useLab } from '../store/index.ts';
import { runEndText } from '../runWords.ts';
import { backendReasonText, problemText } from '../workerWords.ts';

export function BackendLine() {
  const { t } = useTranslation();
  const backend = useLab((s) => s.backend);
  const engine = useLab((s) => s.engine);
  const fallback = useLab((s) => s.engineFallback);
  const shownJob = useLab(
    (s) => fallback !== null && (s.run?.id === fallback.runId || s.race?.runId === fallback.runId || s.rangeTest?.runId === fallback.runId),
  );
  const workerError = useLab((s) => s.workerError);
  // Why tfjs's backend is not WebGL, when tfjs is what trains and a backend before it failed (the engine's
  // own reason says why a forced or measured engine trains).
  const tfjsWhy = backend?.reason?.kind === 'fallback' && (!engine || engine.engine === backend.name) ? backendReasonText(backend.name, backend.reason) : null;
  const why = engine ? engineReason(engine, tfjsWhy !== null) : null;
  const probe = engine ? probeWords(engine) : null;
  return (
    <div className="backend">
      <p>
        {t('status.backend')} <strong>{engine ? engineName(engine) : t('engine.starting')}</strong>
        {why ? ` · ${why}` : null}
      </p>
      {tfjsWhy ? <p className="backend__reason">{tfjsWhy}</p> : null}
      {probe ? <p className="backend__reason">{probe}</p> : null}
      {fallback && shownJob ? (
        <p role="status" className="backend__reason">
          {fallbackWords(fallback.backend, fallback.code)}
        </p>
      ) : null}
      {workerError ? (
        <p role="alert" className="message message--error">
          {problemText(workerError)}
        </p>
      ) : null}
    </div>
  );
}

export function ProgressPanel() {
  const { t } = useTranslation();
  const run = useLab((s) => s.run);
  const resetting = useLab((s) => s.resetting);
  if (!run && resetting)
    return (
      <p className="muted" role="status">
        {t('status.stopping')}
      </p>
    );
  if (!run)
    return (
      <p className="muted">
        {t('status.intro', {
          network: networkText(ANN_MNIST),
          learningRate: settingNumber(PRESET.learningRate),
          momentum: settingNumber(PRESET.momentum),
          batch: count(PRESET.batchSize),
        })}
      </p>
    );
  const p = run.progress;
  const epochs = run.settings.epochs;
  const fraction = p ? Math.min(1, (p.epoch - 1 + p.batch / p.batchesPerEpoch) / epochs) : 0;
  const value = run.done?.reason === 'completed' ? 100 : Math.round(fraction * 1000) / 10;
  const where = p
    ? t('status.epochBatch', { epoch: count(p.epoch), epochs: count(epochs), batch: count(p.batch), batches: count(p.batchesPerEpoch) })
    : t('status.epochOf', { epoch: count(1), epochs: count(epochs) });
  const percent = pct(value / 100, Number.isInteger(value) ? 0 : 1);
  return (
    <div className="progress">
      <div className="progress__head">
        <span className="progress__phase">{run.interrupted ? t('status.interrupted') : t(`status.phases.${run.phase}`)}</span>
        <span>{where}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('status.progressName')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t('status.progressValue', { percent, where })}
        className="progress__bar"
      >
        {/* Scaled, not sized: a transform animates on the compositor, where an animated width re-lays out and repaints the page's main thread every frame of every progress step. */}
        <div className="progress__fill" style={{ transform: `scaleX(${value / 100})` }} />
      </div>
      {p ? (
        <p className="progress__stats">
          {t('status.speed', { rate: rate(p.samplesPerSec) })} ·{' '}
          {run.phase === 'done' ? t('status.finished') : t('status.eta', { duration: duration(p.etaSec) })}
          {run.trainCount !== null ? ` · ${t('status.images', { train: count(run.trainCount), validation: count(run.validationCount) })}` : ''}
        </p>
      ) : null}
    </div>
  );
}

export function EpochSummary() {
  const { t } = useTranslation();
  const run = useLab((s) => s.run);
  const last = run?.epochs[run.epochs.length - 1];
  const test = run?.done?.test;
  return (
    <div className="summary" aria-live="polite">
      {last ? (
        <p>
          {t('status.epochSummary', {
            epoch: count(last.epoch),
            epochs: count(last.epochs),
            trainLoss: loss3(last.trainLoss),
            validationLoss: loss3(last.validation.loss),
            accuracy: pct(last.validation.accuracy),
          })}
        </p>
      ) : null}
      {test ? <p>{t('status.testSummary', { count: test.count, n: count(test.count), accuracy: pct(test.accuracy, 2), loss: loss3(test.loss) })}</p> : null}
    </div>
  );
}

/** How the run ended, as the worker said it (its words are the worker's; see worker/protocol.ts). */
export function RunMessage() {
  const run = useLab((s) => s.run);
  if (!run) return null;
  if (run.error)
    return (
      <p role="alert" className="message message--error">
        {problemText(run.error)}
      </p>
    );
  if (!run.done) return null;
  if (run.done.reason === 'diverged')
    return (
      <p role="alert" className="message message--error">
        {runEndText(run.done)}
      </p>
    );
  return (
    <p role="status" className="message">
      {runEndText(run.done)}
    </p>
  );
}
