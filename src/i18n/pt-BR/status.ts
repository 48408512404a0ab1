import type en from '../en/status.ts';
import type { Localised } from '../localised.ts';

const status: Localised<typeof en> = {
  phases: {
    'loading-data': 'Carregando o MNIST…',
    compiling: 'Preparando a GPU…',
    training: 'Treinando',
    paused: 'Pausado',
    evaluating: 'Avaliando…',
    testing: 'Avaliando no conjunto de teste…',
    done: 'Concluído',
  },
  interrupted: 'Interrompido',
  backend: 'Motor de treino:',
  stopping: 'Parando o treino anterior…',
  intro:
    'Pressione Treinar para começar. A configuração inicial é a do notebook ANN_MNIST: {{network}}, SGD com taxa de aprendizado {{learningRate}} e momento {{momentum}}, lote de {{batch}}.',
  network_one: '{{layers}} · {{params}} parâmetro',
  network_many: '{{layers}} · {{params}} de parâmetros',
  network_other: '{{layers}} · {{params}} parâmetros',
  progressName: 'Progresso do treino',
  epochOf: 'Época {{epoch}} de {{epochs}}',
  epochBatch: 'Época {{epoch}} de {{epochs}} · lote {{batch}} de {{batches}}',
  progressValue: '{{percent}} · {{where}}',
  speed: '{{rate}} imagens/s',
  finished: 'concluído',
  eta: 'faltam cerca de {{duration}}',
  images: '{{train}} imagens de treino / {{validation}} de validação',
  epochSummary: 'Época {{epoch}}/{{epochs}} · perda de treino {{trainLoss}} · perda de validação {{validationLoss}} · acurácia de validação {{accuracy}}',
  testSummary_one: 'Acurácia de teste {{accuracy}} · perda de teste {{loss}} na {{n}} imagem oficial de teste',
  testSummary_many: 'Acurácia de teste {{accuracy}} · perda de teste {{loss}} nas {{n}} de imagens oficiais de teste',
  testSummary_other: 'Acurácia de teste {{accuracy}} · perda de teste {{loss}} nas {{n}} imagens oficiais de teste',
};
export default status;
