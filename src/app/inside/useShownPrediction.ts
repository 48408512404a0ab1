/**
 * The drawing's probabilities as the bars should show them: the live
 * prediction, or, while the Epoch slider replays an earlier epoch, those of
 * the weights kept after it (the last received until the next arrives).
 */
import { useMemo } from 'react';
import type { PredictionState } from '../store/drawSlice.ts';
import { useLab } from '../store/index.ts';

export function useShownPrediction(): PredictionState | null {
  const prediction = useLab((s) => s.prediction);
  const replaying = useLab((s) => s.replayEpoch !== null);
  const inspection = useLab((s) => s.inspection);
  return useMemo(() => {
    const replayed = replaying && inspection?.asked !== null ? inspection?.result : null;
    if (!prediction || !replayed) return prediction;
    return { requestId: prediction.requestId, probs: Float32Array.from(replayed.logProbs, Math.exp) };
  }, [prediction, replaying, inspection]);
}
