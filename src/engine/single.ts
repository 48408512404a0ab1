/**
 * A single run is a comparison of one: the stacked engine with R = 1 trains
 * it (there is one engine per backend, and every training feature is written
 * once, there). This adapter gives such an engine the single-run interface
 * the run loop speaks.
 */
import type { Engine } from './engine.ts';
import type { RaceEngine } from './race.ts';

export function singleRun(stacked: RaceEngine): Engine {
  if (stacked.runs !== 1) throw new RangeError(`a single run needs an engine of 1 run, got ${stacked.runs}`);
  return {
    get backend() {
      return stacked.backend;
    },
    arch: stacked.arch,
    optimizer: stacked.optimizer,
    getParams: () => stacked.getParams(0),
    setParams: (params) => stacked.setParams(0, params),
    trainBatch: (x, y, n, hyper, noise) => stacked.trainBatch(x, y, n, [hyper], noise),
    // batches × 1 and 1 × n × classes are the single run's own layouts.
    flushLosses: () => stacked.flushLosses(),
    predictLogProbs: (x, n) => stacked.predictLogProbs(x, n),
    liveTensors: () => stacked.liveTensors(),
    dispose: () => stacked.dispose(),
  };
}
