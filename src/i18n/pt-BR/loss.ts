import type en from '../en/loss.ts';
import type { Localised } from '../localised.ts';

const loss: Localised<typeof en> = {
  heading: 'Perda',
  logScale: 'Perda em escala logarítmica',
  name: 'Curvas de perda: {{training}}, {{validation}}',
  nameWithMarkers: 'Curvas de perda: {{training}}, {{validation}}, {{markers}}',
  trainingPoints_one: '{{n}} ponto de treino',
  trainingPoints_many: '{{n}} de pontos de treino',
  trainingPoints_other: '{{n}} pontos de treino',
  validationPoints_one: '{{n}} ponto de validação',
  validationPoints_many: '{{n}} de pontos de validação',
  validationPoints_other: '{{n}} pontos de validação',
  markers_one: '{{n}} mudança da taxa de aprendizado',
  markers_many: '{{n}} de mudanças da taxa de aprendizado',
  markers_other: '{{n}} mudanças da taxa de aprendizado',
  epochAxis: 'Época',
  lossAxis: 'Perda (NLL, nats)',
  tooltipEpoch: 'época {{epoch}}',
  trainingSeries: 'Perda de treino (por grupo de lotes)',
  validationSeries: 'Perda de validação (por época)',
  marker: 'taxa {{learningRate}}',
  markerMomentum: 'taxa {{learningRate}}, μ {{momentum}}',
  lowest: 'menor perda de validação (época {{epoch}})',
  gap: 'Época {{epoch}}: perda de treino {{trainLoss}} · perda de validação {{validationLoss}} · diferença <b>{{gap}}</b> nats',
  gapLowest: ' · menor perda de validação {{loss}} na época {{epoch}}',
  overfitting: ': a rede está decorando as imagens de treino, não aprendendo dígitos (sobreajuste)',
  table: {
    caption: 'Perda por época (nats)',
    epoch: 'Época',
    training: 'Perda de treino (média da época)',
    validation: 'Perda de validação',
    changes: 'Mudanças da taxa de aprendizado',
    change: 'época {{epoch}}: {{what}}',
  },
};
export default loss;
