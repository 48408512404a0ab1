import type en from '../en/settings.ts';
import type { Localised } from '../localised.ts';

const settings: Localised<typeof en> = {
  groups: {
    optimizer: 'Otimizador',
    regularisation: 'Regularização',
    network: 'Rede',
    data: 'Dados',
    augmentation: 'Aumento de dados',
    training: 'Treinamento',
  },
  fields: {
    optimizer: {
      label: 'Otimizador',
      hint: 'Como cada passo transforma o gradiente numa mudança dos pesos.',
      choices: { sgd: 'SGD (o notebook)', adam: 'Adam', adamw: 'AdamW (decaimento de pesos desacoplado)', rmsprop: 'RMSprop', adagrad: 'Adagrad' },
    },
    learningRate: { label: 'Taxa de aprendizado', hint: 'O tamanho de cada passo dos pesos na direção do gradiente.' },
    momentum: { label: 'Momento', hint: 'Quanto do passo anterior continua no próximo (0 = nada).' },
    nesterov: { label: 'Momento de Nesterov', hint: 'Olhar adiante: o passo segue o gradiente somado ao momento que está para ser aplicado.' },
    beta1: { label: 'β₁', hint: 'Decaimento da média móvel dos gradientes (o momento do Adam).' },
    beta2: { label: 'β₂', hint: 'Decaimento da média móvel dos quadrados dos gradientes.' },
    alpha: { label: 'α (suavização)', hint: 'Decaimento da média móvel dos quadrados dos gradientes.' },
    epsilon: { label: 'ε', hint: 'Somado ao resultado da raiz quadrada, para que um histórico de gradientes minúsculo não faça um passo explodir.' },
    schedule: {
      label: 'Agenda da taxa de aprendizado',
      hint: 'Como a taxa de aprendizado muda ao longo do treino.',
      choices: {
        constant: 'Constante',
        step: 'Em degraus (×0,1 a cada 5 épocas)',
        exponential: 'Exponencial (até 1% no fim)',
        cosine: 'Cosseno (até 0 no fim)',
        'one-cycle': 'Um ciclo (aquece, depois resfria)',
      },
    },
    weightDecay: { label: 'Decaimento de pesos', hint: 'Puxa cada peso em direção a 0 a cada passo (L2; o AdamW o separa do gradiente).' },
    dropout: { label: 'Dropout', hint: 'Fração das unidades ocultas desligadas em cada lote de treino (nunca na avaliação).' },
    patience: {
      label: 'Paciência da parada antecipada',
      hint: 'Para depois de tantas épocas sem uma perda de validação menor, ficando com os pesos da melhor época (0 = desligada).',
    },
    hiddenLayers: { label: 'Camadas ocultas', hint: 'Unidades por camada oculta, a partir da entrada, como 128, 64 (vazio: nenhuma camada oculta).' },
    activation: {
      label: 'Ativação',
      hint: 'A não linearidade depois de cada camada oculta.',
      choices: { relu: 'ReLU (o notebook)', 'leaky-relu': 'Leaky ReLU (inclinação 0,01)', tanh: 'tanh', sigmoid: 'Sigmoide' },
    },
    init: {
      label: 'Pesos iniciais',
      hint: 'Como os pesos são sorteados antes do treino.',
      choices: { pytorch: 'Padrão do PyTorch (±1/√fan-in)', glorot: 'Glorot uniforme (padrão do tfjs)' },
    },
    inputScaling: {
      label: 'Escala da entrada',
      hint: 'Como um pixel vira uma entrada.',
      choices: { unit: 'pixel / 255 (o notebook)', standardised: 'Padronizada (média 0,1307, desvio 0,3081)' },
    },
    trainSize: { label: 'Imagens de treino', hint: 'Um subconjunto aleatório das 50.000 não reservadas; conjuntos pequenos mostram o sobreajuste.' },
    epochs: { label: 'Épocas', hint: 'Passadas pelo conjunto de treino.' },
    batchSize: { label: 'Tamanho do lote', hint: 'Imagens por atualização dos pesos.' },
    seed: { label: 'Semente', hint: 'Mesma semente e mesmas configurações, mesmas curvas.' },
    rotationDeg: {
      label: 'Rotação (± graus)',
      hint: 'Cada imagem de treino gira por um ângulo aleatório de até este valor, para um lado ou para o outro (0 = desligada).',
    },
    shiftPx: {
      label: 'Deslocamento (± pixels)',
      hint: 'Cada imagem de treino se move por um número inteiro aleatório de pixels, até este valor, na horizontal e na vertical (0 = desligado).',
    },
    scalePct: { label: 'Escala (± %)', hint: 'Cada imagem de treino aumenta ou diminui em torno do centro por até esta porcentagem (0 = desligada).' },
    elastic: { label: 'Distorção elástica', hint: 'Entorta cada imagem de treino com um campo aleatório suave, como uma mão trêmula (Simard et al., 2003).' },
    elasticAlpha: { label: 'Intensidade α', hint: 'Quanto o campo desloca os pixels, antes de a suavização o reduzir (Simard: 34).' },
    elasticSigma: { label: 'Suavidade σ', hint: 'Quão suave é o campo, em pixels: menor entorta de forma mais local (Simard: 4).' },
  },
  problems: {
    empty: '{{label}}: digite um valor, como {{example}}.',
    notNumber: '{{label}}: digite um número, como {{example}}.',
    notFinite: '{{label}}: o número deve ser finito.',
    learningRatePositive: 'A taxa de aprendizado deve ser maior que 0: com 0 os pesos nunca se movem, e uma taxa negativa faz a perda subir.',
    notWhole: '{{label}}: digite um número inteiro.',
    belowMin: '{{label}}: o mínimo é {{min}} (de {{min}} a {{max}}).',
    aboveMax: '{{label}}: o máximo é {{max}} (de {{min}} a {{max}}).',
    decimalComma: 'Use vírgula ou ponto para decimais: {{value}}.',
    ambiguousDecimal: 'Use uma só marca decimal e nenhum separador de milhar, como {{example}}.',
    tooManyLayers: 'No máximo {{max}} camadas ocultas (você listou {{given}}).',
    layerNotWhole: '“{{item}}” não é um número inteiro de unidades: liste larguras como 128, 64.',
    layerWidth: 'Uma camada oculta tem de 1 a {{max}} unidades (você escreveu {{given}}).',
    notToggle: '{{label}} está ligado (true) ou desligado (false).',
    notChoice: 'Escolha uma destas opções: {{choices}}.',
  },
};
export default settings;
