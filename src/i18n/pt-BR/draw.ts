import type en from '../en/draw.ts';
import type { Localised } from '../localised.ts';

const draw: Localised<typeof en> = {
  heading: 'Desenhe um dígito',
  why: 'A rede só viu dígitos do MNIST, cada um recortado, reduzido para caber numa caixa de 20×20 e centrado pela sua massa em 28×28; por isso o seu desenho passa pelos mesmos passos antes. Sem eles, um dígito desenhado pequeno ou fora do centro não se parece com nada que ela aprendeu.',
  pad: {
    name: 'Desenhe um dígito',
    hint: 'Desenhe com o mouse, o dedo ou uma caneta. No quadro, Backspace desfaz o último traço e Delete apaga tudo.',
    undo: 'Desfazer traço',
    clear: 'Limpar',
  },
  preview: {
    input: 'A imagem de 28×28 que a rede recebe',
    caption: 'O que a rede vê (28×28)',
    showSteps: 'Mostrar os passos do pré-processamento',
    steps: 'Passos do pré-processamento',
    drawFirst: 'Desenhe algo para ver os passos.',
    drawn: '1. O que você desenhou',
    drawnImage: 'Os seus traços como uma imagem de {{size}}×{{size}}',
    cropped: '2. Recortado na tinta',
    croppedImage: 'A caixa que envolve a tinta, {{w}}×{{h}}',
    scaled: '3. Reduzido para caber em 20×20 (proporção mantida)',
    scaledImage: 'Reduzido para caber numa caixa de 20×20',
    centred: '4. Centrado pela massa em 28×28',
    centredImage: 'Centrado pela massa em 28×28',
  },
  bars: {
    invite: 'Desenhe um dígito para ver o que a rede acha.',
    noModel: 'Ainda não há rede para perguntar: treine uma, ou carregue um modelo salvo.',
    predicting: 'Prevendo…',
    prediction: 'Previsão: {{digit}} ({{percent}})',
    name: 'Probabilidades por dígito',
    bar: '{{digit}}: {{percent}}',
  },
};
export default draw;
