/**
 * The page's actions: the one place where the store and the worker meet.
 * Components call these; they never post to the worker themselves.
 */
import { useLab } from './store/index.ts';
import { readPageOptions } from './pageOptions.ts';
import { Trainer } from './trainer.ts';
import type { EvalSet } from '../worker/protocol.ts';

const options = readPageOptions(typeof location === 'undefined' ? '' : location.search);

const trainer = new Trainer(
  {
    onEvent: (e) => useLab.getState().applyEvent(e),
    onFatal: (message) => useLab.getState().setWorkerError(message),
  },
  options.backend,
);

export const pageOptions = options;

/** Starts the worker early, so the backend is chosen (and named) before Train. */
export function connect(): void {
  trainer.ensure({ dataUrl: dataUrl(), batchSize: useLab.getState().settings?.batchSize ?? 64 });
}

function dataUrl(): string {
  return new URL('data/mnist/', document.baseURI).href;
}

export function train(): void {
  const s = useLab.getState();
  if (!s.settings || isActive()) return;
  const id = trainer.start(s.settings, { dataUrl: dataUrl(), validationSize: options.validationSize, trainLimit: options.trainLimit });
  s.beginRun(id, s.settings);
}

export function isActive(): boolean {
  const r = useLab.getState().run;
  return !!r && r.phase !== 'done';
}

export const pause = () => trainer.pause();
export const resume = () => trainer.resume();
export const stop = () => trainer.stop();

export function reset(): void {
  trainer.reset();
  useLab.getState().clearRun();
}

/** Applies from the next batch of the current run. */
export const setHyper = (learningRate: number, momentum: number) => trainer.setHyper(learningRate, momentum);

let nextRequestId = 1;

/** Opens the gallery of one confusion-matrix cell; the worker sends the images. */
export function showExamples(set: EvalSet, trueDigit: number, predictedDigit: number): void {
  const requestId = nextRequestId++;
  useLab.getState().openGallery({ requestId, set, trueDigit, predictedDigit });
  trainer.examples(requestId, set, trueDigit, predictedDigit, GALLERY_LIMIT);
}

/** Most images one gallery shows (a cell rarely holds more than a few dozen). */
export const GALLERY_LIMIT = 400;
