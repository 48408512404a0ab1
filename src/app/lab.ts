/**
 * The page's actions: the one place where the store and the worker meet.
 * Components call these; they never post to the worker themselves.
 */
import { canReset, runningJobId, useLab, workerBusy } from './store/index.ts';
import { RACE_SIZE } from './components/race/parseRates.ts';
import { readPageOptions } from './pageOptions.ts';
import { Trainer } from './trainer.ts';
import type { EvalSet, Fault } from '../worker/protocol.ts';
import { preprocess } from '../draw/preprocess.ts';
import { strokesFromImage } from '../draw/fromImage.ts';
import type { HyperSettings } from '../shared/runSpec.ts';
import { stepHyperOf } from '../shared/runSpec.ts';
import type { RunSettings } from '../shared/settings.ts';
import { architectureOf } from '../model/architecture.ts';

const options = readPageOptions(typeof location === 'undefined' ? '' : location.search);

export const trainer = new Trainer(
  {
    onEvent: (e) => useLab.getState().applyEvent(e),
    onInterrupted: (i) => useLab.getState().interrupt(i),
  },
  { preferredBackend: options.backend, faults: options.faults, threads: options.threads ?? defaultThreads() },
);

export const pageOptions = options;

/**
 * Two threads for a comparison from four cores up: the training worker and
 * its helper each keep a core busy, and the page and the compositor need the
 * others. Measured on this project's 2-core machine with the page composited
 * through SwiftShader, a race of four on two threads took longer than on one
 * (2.5-5.5 s against 1.2-3.2 s for 500 batches), and the page drew fewer
 * frames; composited in software, as without a GPU, its training time was
 * 0.75-0.78 s against 0.94-0.95 s, but the page's own steps a second during
 * a longer race were no higher (337-478 against 394-484).
 */
function defaultThreads(): number {
  return typeof navigator !== 'undefined' && (navigator.hardwareConcurrency ?? 1) >= 4 ? 2 : 1;
}

/** Starts the worker early, so the engine is chosen (timed on the form's network and batch size) and named before Train. */
export function connect(): void {
  const settings = useLab.getState().settings;
  trainer.ensure({ dataUrl: dataUrl(), batchSize: settings?.batchSize ?? 64, ...(settings ? { arch: architectureOf(settings) } : {}) });
}

/** Where the worker reads MNIST: the site's own data folder. */
export function dataUrl(): string {
  return new URL('data/mnist/', document.baseURI).href;
}

export function train(): void {
  const s = useLab.getState();
  if (!s.settings || isActive()) return;
  const id = trainer.start(s.settings, { dataUrl: dataUrl(), validationSize: options.validationSize, trainLimit: options.trainLimit });
  s.beginRun(id, s.settings);
}

/** A training run or a range test is using the worker. */
export function isActive(): boolean {
  return workerBusy(useLab.getState());
}

/**
 * Races 2-6 runs, each with its own learning rate and momentum, with the
 * form's other settings; Stop/Pause/Resume act on it like on a run.
 */
export function startRace(runs: RunSettings[]): void {
  const s = useLab.getState();
  if (!s.settings || isActive() || runs.length < RACE_SIZE.min || runs.length > RACE_SIZE.max) return;
  const id = trainer.race(s.settings, runs, { dataUrl: dataUrl(), validationSize: options.validationSize, trainLimit: options.trainLimit });
  s.beginRace(id, s.settings, runs);
}

/** Leslie Smith's range test from the run's initial weights; the current model is left as it is. */
export function startRangeTest(): void {
  const s = useLab.getState();
  if (!s.settings || isActive()) return;
  const id = trainer.rangeTest(s.settings, { dataUrl: dataUrl(), validationSize: options.validationSize, trainLimit: options.trainLimit });
  s.beginRangeTest(id);
}

/** Pause, Resume and Stop act on the one job running: a run, a race or a range test. */
function onRunningJob(act: (runId: number) => void): () => void {
  return () => {
    const id = runningJobId(useLab.getState());
    if (id !== null) act(id);
  };
}

export const pause = onRunningJob((id) => trainer.pause(id));
export const resume = onRunningJob((id) => trainer.resume(id));
export const stop = onRunningJob((id) => trainer.stop(id));

/** Stops a run and drops its model. Not during a race or range test (their buttons stop them): it would drop a model silently. */
export function reset(): void {
  if (!canReset(useLab.getState())) return;
  useLab.getState().clearRun(trainer.reset());
}

/** Applies from the next batch of the current run. */
export function setHyper(s: HyperSettings): void {
  const run = useLab.getState().run;
  if (run && run.phase !== 'done') trainer.setHyper(run.id, stepHyperOf(s));
}

/** A testing aid (`?faults=1` only): makes the worker lose its WebGL context, close silently or hang. */
export function fault(kind: Fault): void {
  if (options.faults) trainer.fault(kind);
}

let nextRequestId = 1;

/** Opens the gallery of one confusion-matrix cell; the worker sends the images. */
export function showExamples(set: EvalSet, trueDigit: number, predictedDigit: number): void {
  const requestId = nextRequestId++;
  useLab.getState().openGallery({ requestId, set, trueDigit, predictedDigit });
  trainer.examples(requestId, set, trueDigit, predictedDigit, GALLERY_LIMIT);
}

/** Most images one gallery shows (a cell rarely holds more than a few dozen). */
export const GALLERY_LIMIT = 400;

/** Batches between two refreshes of the drawing's prediction while training. */
export const PREDICT_EVERY_BATCHES = 200;
let nextPrediction = 1;

/** Runs the drawing through MNIST's preprocessing and asks the worker what digit it is. */
export function predictDrawing(): void {
  const s = useLab.getState();
  const result = preprocess(s.strokes);
  if (!result) {
    s.setPrediction(null);
    return;
  }
  const requestId = nextPrediction++;
  s.setPrediction({ requestId, probs: s.prediction?.probs ?? null });
  void trainer.predict(result.centred.slice()).then((reply) => {
    // A newer drawing may have been sent meanwhile; only the latest answer counts.
    if (useLab.getState().prediction?.requestId !== requestId) return;
    useLab.getState().setPrediction(reply?.probs ? { requestId, probs: reply.probs } : { requestId, probs: null, noModel: true });
  });
}

/** How many samples of each digit have been loaded: the next press shows the next one. */
const samplesShown = new Map<number, number>();

/**
 * Loads one of the test set's handwritten `digit`s into the pad in place of
 * the drawing (Undo brings the drawing back), and asks the network about it:
 * the pad's keyboard alternative to drawing.
 */
export function loadSample(digit: number): void {
  const nth = samplesShown.get(digit) ?? 0;
  void trainer.sample(digit, nth, dataUrl()).then((reply) => {
    if (!reply) return; // the worker was replaced meanwhile: the page already says so
    const s = useLab.getState();
    if (!reply.image) {
      s.setSampleNote({ code: reply.problem ?? 'unavailable' });
      return;
    }
    samplesShown.set(digit, nth + 1);
    s.loadStrokes(strokesFromImage(reply.image));
    s.setSampleNote({ code: 'loaded', digit, index: reply.index });
    predictDrawing();
  });
}

// While a run trains, the drawing's prediction follows the current weights.
let lastPredictedStep = 0;
useLab.subscribe((s, prev) => {
  const step = s.run?.progress?.step ?? 0;
  if (step < lastPredictedStep) lastPredictedStep = 0;
  const epochDone = s.run && prev.run && s.run.epochs.length !== prev.run.epochs.length;
  if (s.strokes.length > 0 && (step - lastPredictedStep >= PREDICT_EVERY_BATCHES || epochDone || (s.model && s.model !== prev.model))) {
    lastPredictedStep = step;
    predictDrawing();
  }
});
