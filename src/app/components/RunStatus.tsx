/**
 * Where the run stands: the engine in use and why, the progress bar, the
 * latest epoch's figures, and any message that ended the run.
 */
import { ANN_MNIST, describeWithCount } from '../../model/architecture.ts';
import { ENGINE_LABEL, ENGINE_STARTING, engineName, engineReason, fallbackWords, probeWords } from '../engineWords.ts';
import { duration, loss3, pct, rate } from '../format.ts';
import { useLab } from '../store/index.ts';

const PHASE: Record<string, string> = {
  'loading-data': 'Loading MNIST…',
  compiling: 'Preparing the GPU…',
  training: 'Training',
  paused: 'Paused',
  evaluating: 'Evaluating…',
  testing: 'Evaluating on the test set…',
  done: 'Done',
};

export function BackendLine() {
  const engine = useLab((s) => s.engine);
  const fallback = useLab((s) => s.engineFallback);
  const shownJob = useLab(
    (s) => fallback !== null && (s.run?.id === fallback.runId || s.race?.runId === fallback.runId || s.rangeTest?.runId === fallback.runId),
  );
  const workerError = useLab((s) => s.workerError);
  const why = engine ? engineReason(engine) : null;
  const probe = engine ? probeWords(engine) : null;
  return (
    <div className="backend">
      <p>
        {ENGINE_LABEL}: <strong>{engine ? engineName(engine) : ENGINE_STARTING}</strong>
        {why ? ` · ${why}` : null}
      </p>
      {probe ? <p className="backend__reason">{probe}</p> : null}
      {fallback && shownJob ? (
        <p role="status" className="backend__reason">
          {fallbackWords(fallback.backend, fallback.code)}
        </p>
      ) : null}
      {workerError ? (
        <p role="alert" className="message message--error">
          {workerError}
        </p>
      ) : null}
    </div>
  );
}

export function ProgressPanel() {
  const run = useLab((s) => s.run);
  const resetting = useLab((s) => s.resetting);
  if (!run && resetting)
    return (
      <p className="muted" role="status">
        Stopping the previous run…
      </p>
    );
  if (!run)
    return (
      <p className="muted">
        Press Train to start. The preset is the ANN_MNIST notebook: {describeWithCount(ANN_MNIST)}, SGD with learning rate 0.01 and momentum 0.5, batch 64.
      </p>
    );
  const p = run.progress;
  const epochs = run.settings.epochs;
  const fraction = p ? Math.min(1, (p.epoch - 1 + p.batch / p.batchesPerEpoch) / epochs) : 0;
  const value = run.done?.reason === 'completed' ? 100 : Math.round(fraction * 1000) / 10;
  const label = p ? `Epoch ${p.epoch} of ${epochs} · batch ${p.batch} of ${p.batchesPerEpoch}` : `Epoch 1 of ${epochs}`;
  return (
    <div className="progress">
      <div className="progress__head">
        <span className="progress__phase">{run.interrupted ? 'Interrupted' : (PHASE[run.phase] ?? run.phase)}</span>
        <span>{label}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% · ${label}`}
        className="progress__bar"
      >
        <div className="progress__fill" style={{ width: `${value}%` }} />
      </div>
      {p ? (
        <p className="progress__stats">
          {rate(p.samplesPerSec)} samples/s · {run.phase === 'done' ? 'finished' : `about ${duration(p.etaSec)} left`}
          {run.trainCount !== null ? ` · ${run.trainCount.toLocaleString('en')} training / ${run.validationCount?.toLocaleString('en')} validation images` : ''}
        </p>
      ) : null}
    </div>
  );
}

export function EpochSummary() {
  const run = useLab((s) => s.run);
  const last = run?.epochs[run.epochs.length - 1];
  return (
    <div className="summary" aria-live="polite">
      {last ? (
        <p>
          Epoch {last.epoch}/{last.epochs} · train loss {loss3(last.trainLoss)} · validation loss {loss3(last.validation.loss)} · validation accuracy{' '}
          {pct(last.validation.accuracy)}
        </p>
      ) : null}
      {run?.done?.test ? (
        <p>
          Test accuracy {pct(run.done.test.accuracy, 2)} · test loss {loss3(run.done.test.loss)} on the official {run.done.test.count.toLocaleString('en')} test
          images
        </p>
      ) : null}
    </div>
  );
}

export function RunMessage() {
  const run = useLab((s) => s.run);
  if (!run) return null;
  if (run.error)
    return (
      <p role="alert" className="message message--error">
        {run.error}
      </p>
    );
  if (!run.done) return null;
  if (run.done.reason === 'diverged')
    return (
      <p role="alert" className="message message--error">
        {run.done.message}
      </p>
    );
  return (
    <p role="status" className="message">
      {run.done.message}
    </p>
  );
}
