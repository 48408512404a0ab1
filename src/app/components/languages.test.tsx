/**
 * The training, loss, evaluation, drawing and race panels in Brazilian
 * Portuguese, rendered on the server in Node: their words come from the
 * pt-BR catalogue and their figures are written the Brazilian way ("0,123",
 * "91,9 %", "10.000"); switching back re-words the same state in English.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { ANN_MNIST } from '../../model/architecture.ts';
import { PRESET } from '../../shared/settings.ts';
import type { EpochResult, Evaluation } from '../../worker/protocol.ts';
import { networkText } from '../networkWords.ts';
import type { RunState } from '../store/runSlice.ts';
import { stepSummary } from './settings/stepSummary.ts';

vi.mock('../lab.ts', () => ({ trainer: {}, predictDrawing: () => undefined, showExamples: () => undefined }));
const { useLab } = await import('../store/index.ts');
const { EpochSummary, ProgressPanel } = await import('./RunStatus.tsx');
const { LossChart } = await import('./LossChart.tsx');
const { ConfusionPanel } = await import('./eval/ConfusionPanel.tsx');
const { PerClassAccuracy } = await import('./eval/PerClassAccuracy.tsx');
const { ProbabilityBars } = await import('./draw/ProbabilityBars.tsx');
const { PanelFailure } = await import('./PanelBoundary.tsx');
const { raceRows } = await import('./race/raceRows.ts');

/** 10,000 validation images, 919 of each digit right and 81 wrong (all taken for the next digit): 91.9 %. */
function evaluation(set: Evaluation['set']): Evaluation {
  const confusion = new Int32Array(100);
  for (let d = 0; d < 10; d++) {
    confusion[d * 10 + d] = 919;
    confusion[d * 10 + ((d + 1) % 10)] = 81;
  }
  return {
    set,
    count: 10_000,
    loss: 0.2871,
    accuracy: 0.919,
    confusion,
    auc: new Float64Array(10).fill(0.99),
    macroAuc: 0.99,
    rocFpr: new Float32Array(0),
    rocTpr: new Float32Array(0),
    rocOffsets: new Int32Array(11),
  };
}

const epoch: EpochResult = { epoch: 1, epochs: 1, trainLoss: 0.41234, validation: evaluation('validation') } as EpochResult;

const run: RunState = {
  id: 1,
  phase: 'done',
  settings: { ...PRESET, epochs: 1 },
  startedAt: 0,
  firstLossAt: 0,
  dataLoadMs: 0,
  trainCount: 2000,
  validationCount: 10_000,
  progress: { epoch: 1, epochs: 1, batch: 32, batchesPerEpoch: 32, step: 32, samplesPerSec: 1234, etaSec: 0 },
  lossPoints: [
    { step: 16, epoch: 0.5, loss: 0.9, batches: 16 },
    { step: 32, epoch: 1, loss: 0.4, batches: 16 },
  ],
  markers: [],
  epochs: [epoch],
  done: { reason: 'completed', epochs: 1, test: { ...evaluation('test'), accuracy: 0.9123, loss: 0.29 } },
  error: null,
};

/** zustand renders its initial state on the server: the tests set that one, and a copy puts it back. */
const initial = { ...useLab.getInitialState() };
beforeEach(() => {
  Object.assign(useLab.getInitialState(), initial, { run });
});
afterEach(async () => {
  Object.assign(useLab.getInitialState(), initial);
  await i18n.changeLanguage('en');
});

const html = (node: ReactNode) => renderToStaticMarkup(node);

describe('the panels in Brazilian Portuguese', () => {
  it('states the epoch, the test and the progress in Portuguese with decimal commas and grouped thousands', async () => {
    await i18n.changeLanguage('pt-BR');
    const page = html(
      <>
        <ProgressPanel />
        <EpochSummary />
      </>,
    );
    expect(page).toContain('Época 1/1 · perda de treino 0,412 · perda de validação 0,287 · acurácia de validação 91,9 %');
    expect(page).toContain('Acurácia de teste 91,23 % · perda de teste 0,290 nas 10.000 imagens oficiais de teste');
    expect(page).toContain('Época 1 de 1 · lote 32 de 32');
    expect(page).toContain('1,2 mil imagens/s · concluído · 2.000 imagens de treino / 10.000 de validação');
    expect(page).toContain('aria-label="Progresso do treino"');
    expect(page).toContain('aria-valuetext="100 % · Época 1 de 1 · lote 32 de 32"');
    expect(page).not.toMatch(/Epoch|loss|accuracy|samples/);
  });

  it('names the loss chart and gives its numbers as a table, in Portuguese', async () => {
    await i18n.changeLanguage('pt-BR');
    const page = html(<LossChart />);
    expect(page).toContain('<h2 id="loss-heading">Perda</h2>');
    expect(page).toContain('aria-label="Curvas de perda: 2 pontos de treino, 1 ponto de validação"');
    expect(page).toContain('<caption>Perda por época (nats)</caption>');
    expect(page).toMatch(/<th scope="row">1<\/th><td>0,412<\/td><td>0,287<\/td>/);
    // The line under the chart: four decimals, a comma each.
    expect(page).toContain('Época 1: perda de treino 0,4123 · perda de validação 0,2871 · diferença <strong>-0,1252</strong> nats');
  });

  it('words the confusion matrix and the accuracy by digit, with their counts and shares', async () => {
    useLab.getInitialState().evalView = 'validation';
    await i18n.changeLanguage('pt-BR');
    const page = html(
      <>
        <ConfusionPanel />
        <PerClassAccuracy />
      </>,
    );
    expect(page).toContain('<h2 id="confusion-heading">Matriz de confusão</h2>');
    expect(page).toContain('10.000 imagens de validação · Validação, época 1');
    expect(page).toContain('aria-label="4 previsto como 5: 81 imagens"');
    expect(page).toContain('Dígito verdadeiro');
    expect(page).toContain('<td>91,9 %');
    expect(page).toContain('919 de 1.000');
  });

  it('answers a drawing in Portuguese, the percentage written "93 %"', async () => {
    await i18n.changeLanguage('pt-BR');
    const probs = new Float32Array(10).fill(0.07 / 9);
    probs[7] = 0.93;
    const page = html(<ProbabilityBars prediction={{ requestId: 1, probs }} />);
    expect(page).toContain('Previsão: 7 (93 %)');
    expect(page).toContain('aria-label="Probabilidades por dígito"');
    expect(html(<ProbabilityBars prediction={{ requestId: 2, probs: null, noModel: true }} />)).toContain('Ainda não há rede para perguntar');
  });

  it('writes a race row the Brazilian way: "0,01", "91,9", its status in words', async () => {
    await i18n.changeLanguage('pt-BR');
    const [row] = raceRows([{ learningRate: 0.01, momentum: 0.5, status: 'finished', note: null, epochs: [epoch] }]);
    expect(row).toMatchObject({
      name: 'taxa = 0,01',
      learningRate: '0,01',
      momentum: '0,5',
      effectiveStep: '0,02',
      trainLoss: '0,412',
      validationAccuracy: '91,9',
      macroAuc: '0,9900',
      status: 'finished',
      statusText: 'concluído',
    });
  });

  it('names the network and its step size with Brazilian numbers', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(networkText(ANN_MNIST)).toBe('784 → 128 → 64 → 10 · 109.386 parâmetros');
    expect(stepSummary(PRESET)).toBe('Tamanho efetivo do passo lr / (1 − momento) = 0,02');
    expect(stepSummary({ ...PRESET, optimizer: 'adam', learningRate: 0.001 })).toMatch(/^Cada peso se move cerca de lr = 0,001 por passo/);
  });

  it('says in Portuguese that a panel failed', async () => {
    await i18n.changeLanguage('pt-BR');
    const page = html(<PanelFailure title="Perda" error={new Error('')} retry={() => undefined} />);
    expect(page).toContain('Este painel falhou: um erro inesperado. O resto da página continua funcionando.');
    expect(page).toContain('>Tentar de novo</button>');
  });

  it('re-words the same run in English once the language switches back', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(html(<EpochSummary />)).toContain('Época 1/1');
    await i18n.changeLanguage('en');
    const page = html(<EpochSummary />);
    expect(page).toContain('Epoch 1/1 · train loss 0.412 · validation loss 0.287 · validation accuracy 91.9%');
    expect(page).toContain('Test accuracy 91.23% · test loss 0.290 on the official 10,000 test images');
    expect(networkText(ANN_MNIST)).toBe('784 → 128 → 64 → 10 · 109,386 parameters');
  });
});
