/**
 * A run-history export as the lab writes it (format mnist-lab-history, version 1),
 * generated: `runs` runs of `points` training points each, all different (their
 * learning rates and dates differ), for the import e2e test and the history bench.
 */
export function historyFile(runs: number, points: number, epochs = 5): string {
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const out = Array.from({ length: runs }, (_, k) => {
    const learningRate = Number((0.001 + k * 0.0001).toPrecision(6));
    return {
      name: `Imported ${k + 1}`,
      savedAt: new Date(start + k * 60_000).toISOString(),
      kind: 'single',
      settings: { learningRate, momentum: 0.5, epochs, batchSize: 64, seed: 1, init: 'pytorch', schedule: 'constant' },
      status: 'completed',
      curves: {
        train: Array.from({ length: points }, (_, i) => ({ epoch: ((i + 1) / points) * epochs, loss: 2.3 / (1 + (i * (1 + k / runs)) / 20) })),
        validation: Array.from({ length: epochs }, (_, e) => ({ epoch: e + 1, loss: 0.5 / (e + 1), accuracy: 0.85 + e * 0.02 })),
      },
      final: { trainLoss: 0.3, validationLoss: 0.1, validationAccuracy: 0.85 + (epochs - 1) * 0.02 },
    };
  });
  return JSON.stringify({ format: 'mnist-lab-history', version: 1, exportedAt: new Date(start).toISOString(), runs: out });
}
