/**
 * The network as data: a stack of dense layers, an activation between them
 * (ReLU in the notebook) and a log-softmax on the last. The ANN_MNIST preset
 * is 784 → 128 → 64 → 10 on pixel/255. Engines read this description;
 * nothing here depends on tfjs.
 */
import type { Activation, InputScaling } from '../shared/network.ts';
import type { RunSettings } from '../shared/settings.ts';

export interface Architecture {
  /** Layer widths from input to output, e.g. [784, 128, 64, 10]. */
  sizes: readonly number[];
  /** After every hidden layer; 'relu' when absent (the notebook, and every file saved before it was a choice). */
  activation?: Activation;
  /** How the engine turns [0, 1] pixels into inputs; 'unit' (as they are) when absent. */
  inputScaling?: InputScaling;
}

export const ANN_MNIST: Architecture = { sizes: [784, 128, 64, 10] };

/** MNIST's 28×28 pixels in, ten digits out. */
export const INPUTS = 784;
export const CLASSES = 10;

/** The network a run's settings describe. */
export function architectureOf(s: Pick<RunSettings, 'hiddenLayers' | 'activation' | 'inputScaling'>): Architecture {
  return { sizes: [INPUTS, ...s.hiddenLayers, CLASSES], activation: s.activation, inputScaling: s.inputScaling };
}

/** Whether two descriptions give the same network (same weights' shapes and the same computation). */
export function sameArchitecture(a: Architecture, b: Architecture): boolean {
  return (
    a.sizes.length === b.sizes.length &&
    a.sizes.every((w, i) => w === b.sizes[i]) &&
    (a.activation ?? 'relu') === (b.activation ?? 'relu') &&
    (a.inputScaling ?? 'unit') === (b.inputScaling ?? 'unit')
  );
}

/** Shapes of the parameters in order: W1 [in, out], b1 [out], W2, b2, ... */
export function paramShapes(arch: Architecture): number[][] {
  const shapes: number[][] = [];
  for (let l = 0; l + 1 < arch.sizes.length; l++) {
    shapes.push([arch.sizes[l], arch.sizes[l + 1]], [arch.sizes[l + 1]]);
  }
  return shapes;
}

/** Number of trainable scalars (109,386 for ANN_MNIST). */
export function paramCount(arch: Architecture): number {
  return paramShapes(arch).reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
}

/** The widths from input to output, "784 → 128 → 64 → 10"; the page adds the parameter count in its language (app/networkWords.ts). */
export function describe(arch: Architecture): string {
  return arch.sizes.join(' → ');
}
