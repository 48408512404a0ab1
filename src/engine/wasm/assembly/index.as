// The engine's WebAssembly module: numeric kernels over one linear memory,
// which the host (../raceEngine.ts) lays out and drives layer by layer.
// No allocator, no runtime: every pointer is the host's.
export { gemmRows, gradCols } from './gemm';
export { packRows, packColumns, gemmPacked, gradPacked } from './sparse';
export { activate, activateBackward, dropout, columnSums, standardise, transpose, unitPixels } from './layers';
export { logSoftmaxNll } from './loss';
export { setStep, update } from './optimizers';

/** Where the module's own static data ends: the host lays out its buffers from here. */
export function heapBase(): usize {
  return __heap_base;
}
