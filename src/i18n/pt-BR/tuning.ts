import type en from '../en/tuning.ts';
import type { Localised } from '../localised.ts';

const tuning: Localised<typeof en> = {
  slider: 'Taxa de aprendizado (escala logarítmica)',
  schedule: {
    name: 'Taxa de aprendizado ao longo do treino: de {{from}} a {{to}}',
    hint_one: 'Taxa de aprendizado ao longo de {{n}} época (azul).',
    hint_many: 'Taxa de aprendizado ao longo de {{n}} de épocas (azul).',
    hint_other: 'Taxa de aprendizado ao longo de {{n}} épocas (azul).',
    hintMomentum_one: 'Taxa de aprendizado ao longo de {{n}} época (azul); o momento se move no sentido oposto (laranja, tracejado).',
    hintMomentum_many: 'Taxa de aprendizado ao longo de {{n}} de épocas (azul); o momento se move no sentido oposto (laranja, tracejado).',
    hintMomentum_other: 'Taxa de aprendizado ao longo de {{n}} épocas (azul); o momento se move no sentido oposto (laranja, tracejado).',
    table: {
      caption: 'Taxa de aprendizado no início de cada época',
      epoch: 'Época',
      learningRate: 'Taxa de aprendizado',
      momentum: 'Momento',
      end: 'último lote',
    },
  },
  step: {
    sgd: 'Tamanho efetivo do passo lr / (1 − momento) = {{step}}',
    nesterov: 'Tamanho efetivo do passo lr / (1 − momento) = {{step}} (Nesterov: o mesmo passo a longo prazo, dado a partir de um olhar adiante)',
    adam: 'Cada peso se move cerca de lr = {{lr}} por passo, qualquer que seja o tamanho do seu gradiente (o Adam divide pela RMS móvel do gradiente)',
    adamw: 'Cada peso se move cerca de lr = {{lr}} por passo, e encolhe lr · decaimento de pesos = {{decay}} de si mesmo',
    rmspropMomentum: 'Passo por peso de cerca de lr / (1 − momento) = {{step}}, em unidades da RMS móvel do gradiente',
    rmsprop: 'Cada peso se move cerca de lr = {{lr}} por passo, em unidades da RMS móvel do seu gradiente',
    adagrad: 'Os passos começam perto de lr = {{lr}} por peso e encolhem à medida que os quadrados dos gradientes se somam',
  },
};
export default tuning;
