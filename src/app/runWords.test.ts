/**
 * How runs, races, range tests and the worker's problems read, from the
 * codes and numbers the worker sends: in English, and the same codes in
 * Brazilian Portuguese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import type { RunEnd } from '../worker/protocol.ts';
import { historyNoteText, raceRunNoteText, raceSummaryText, rangeResultText, runEndText } from './runWords.ts';
import { backendReasonText, problemText } from './workerWords.ts';

afterEach(() => void i18n.changeLanguage('en'));

const diverged: RunEnd = { reason: 'diverged', epoch: 1, step: 1234, loss: 3.97e4, learningRate: 10 };
const early: RunEnd = { reason: 'early-stopped', epoch: 14, bestEpoch: 11, bestLoss: 0.08123 };

describe('in English', () => {
  it('a single run’s end', () => {
    expect(runEndText({ reason: 'completed', epochs: 1 })).toBe('Finished 1 epoch.');
    expect(runEndText({ reason: 'completed', epochs: 10 })).toBe('Finished 10 epochs.');
    expect(runEndText({ reason: 'stopped', epoch: 3 })).toBe('Stopped during epoch 3; the trained weights are kept.');
    expect(runEndText({ reason: 'stopped', epoch: 0 })).toBe('Stopped before training began.');
    expect(runEndText(early)).toBe(
      'Early stopping: the validation loss has not improved for 3 epochs; weights from epoch 11 restored (validation loss 0.0812 nats). The test set was scored with them.',
    );
    expect(runEndText(diverged)).toBe(
      'The learning rate is too large: the loss diverged (rose to 4.0e4 nats, far above its best and worse than guessing) at batch 1,234, epoch 1, with learning rate 10. Each step overshot the minimum by more than the last. Try a learning rate 10× smaller.',
    );
    expect(runEndText({ ...diverged, loss: 'nan' })).toMatch(/diverged \(became NaN\)/);
  });

  it('a race run’s note, named by the page, and the race’s closing line', () => {
    expect(raceRunNoteText(early, 'lr = 0.1')).toBe(
      'lr = 0.1 stopped early after epoch 14: no lower validation loss for 3 epochs; weights from epoch 11 restored.',
    );
    expect(historyNoteText({ reason: 'collapsed', accuracy: 0.1 }, 'race')).toBe(
      'Validation accuracy 10.0%: near chance (10%). The network has collapsed to guessing one digit.',
    );
    expect(raceSummaryText({ kind: 'finished', runs: 2, completed: 2, earlyStopped: 0, diverged: 0, epochs: 1 })).toBe(
      'Race finished: 2 of 2 runs completed 1 epoch.',
    );
    expect(raceSummaryText({ kind: 'finished', runs: 4, completed: 1, earlyStopped: 1, diverged: 2, epochs: 3 })).toBe(
      'Race finished: 1 of 4 runs completed 3 epochs, 1 stopped early, 2 diverged.',
    );
    expect(raceSummaryText({ kind: 'stopped' })).toBe('Race stopped.');
  });

  it('the range test’s end', () => {
    expect(rangeResultText({ kind: 'swept', batches: 187, from: 1e-6, to: 2.345, blewUp: true })).toBe(
      'Swept 187 batches from 1e-6 to 2.3, stopping once the loss passed 4× its best.',
    );
    expect(rangeResultText({ kind: 'blew-up' })).toMatch(/^The loss blew up almost at once/);
  });

  it('the backend and the worker’s problems', () => {
    expect(backendReasonText('wasm', { kind: 'fallback', skipped: [{ backend: 'webgl', why: 'did-not-start' }] })).toBe(
      'WebGL (GPU) is unavailable: no WebGL context could be created in the worker; running on wasm (WebAssembly, CPU) instead',
    );
    expect(backendReasonText('cpu', { kind: 'chosen' })).toBe('chosen in the page address (?backend=)');
    expect(problemText({ kind: 'data-missing', file: 'train-images-idx3-ubyte', status: 404 })).toBe(
      'The MNIST file train-images-idx3-ubyte is missing from the server (HTTP 404). Reinstall with "npm install" and rebuild.',
    );
    expect(problemText({ kind: 'backend-failed', backend: 'webgl', next: 'wasm', detail: 'the WebGL context was lost' })).toBe(
      'The webgl backend failed during training (the WebGL context was lost). The run stopped; the next run uses wasm. Your settings are kept: press Train to start again.',
    );
    expect(problemText({ kind: 'interrupted-idle', interruption: { cause: 'webgl-lost', excluded: 'webgl' }, hadModel: false })).toBe(
      'The browser took the GPU away from the lab (the WebGL context was lost). A new worker has started without WebGL (GPU).',
    );
  });
});

describe('the same codes in Brazilian Portuguese', () => {
  it('reads every end and problem in Portuguese, numbers with the decimal comma', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(runEndText({ reason: 'completed', epochs: 1 })).toBe('1 época concluída.');
    expect(runEndText({ reason: 'completed', epochs: 10 })).toBe('10 épocas concluídas.');
    expect(runEndText(early)).toBe(
      'Parada antecipada: a perda de validação não melhora há 3 épocas; os pesos da época 11 foram restaurados (perda de validação 0,0812 nats). O conjunto de teste foi avaliado com eles.',
    );
    expect(runEndText(diverged)).toMatch(/^A taxa de aprendizado é grande demais: a perda divergiu \(subiu para 4,0e4 nats, .*\) no lote 1\.234, época 1/);
    expect(raceSummaryText({ kind: 'finished', runs: 3, completed: 1, earlyStopped: 1, diverged: 1, epochs: 2 })).toBe(
      'Corrida concluída: 1 de 3 treinos completaram 2 épocas, 1 com parada antecipada, 1 divergiu.',
    );
    expect(rangeResultText({ kind: 'swept', batches: 187, from: 1e-6, to: 2.345, blewUp: false })).toBe('187 lotes percorridos, de 1e-6 a 2,3.');
    expect(problemText({ kind: 'refused-start' })).toMatch(/^O worker ainda estava ocupado/);
    expect(backendReasonText('cpu', { kind: 'fallback', skipped: [{ backend: 'wasm', why: 'failed-earlier' }] })).toBe(
      'wasm (WebAssembly, CPU) falhou antes nesta sessão; usando cpu (JavaScript puro) no lugar',
    );
  });
});
