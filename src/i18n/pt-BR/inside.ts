import type en from '../en/inside.ts';
import type { Localised } from '../localised.ts';

const inside: Localised<typeof en> = {
  heading: 'Por dentro da rede',
  megabytes: '{{value}} MB',
  weights: {
    heading: 'Pesos da primeira camada',
    explain:
      'Cada quadrinho é uma unidade da primeira camada oculta: os seus 784 pesos dispostos como a imagem 28×28 que eles multiplicam. Tinta num pixel azul soma à unidade, tinta num vermelho subtrai, então o quadrinho mostra os traços que a unidade procura. Eles começam como ruído aleatório, e o treino acrescenta traços a ele devagar: “Mudança desde o início” mostra só esses traços.',
    explainOutput:
      'Esta rede não tem camada oculta, então cada quadrinho é a unidade de saída de um dígito: os seus 784 pesos dispostos como a imagem 28×28 que eles multiplicam. Tinta num pixel azul conta a favor desse dígito, num vermelho, contra.',
    none: 'Aparece quando um treino começa ou um modelo salvo é carregado.',
    label_one: 'Pesos da primeira camada: {{count}} unidade, um quadrinho 28×28',
    label_many: 'Pesos da primeira camada: {{count}} unidades, um quadrinho 28×28 cada',
    label_other: 'Pesos da primeira camada: {{count}} unidades, um quadrinho 28×28 cada',
    labelChange_one: 'Mudança dos pesos da primeira camada desde o início: {{count}} unidade, um quadrinho 28×28',
    labelChange_many: 'Mudança dos pesos da primeira camada desde o início: {{count}} unidades, um quadrinho 28×28 cada',
    labelChange_other: 'Mudança dos pesos da primeira camada desde o início: {{count}} unidades, um quadrinho 28×28 cada',
    view: 'Mostrar',
    viewWeights: 'Os pesos',
    viewChange: 'Mudança desde o início',
    explainChange:
      'Cada quadrinho mostra agora o quanto o treino moveu os pesos da sua unidade desde o início aleatório: a parte que ela aprendeu, que o ruído inicial esconde nos próprios pesos.',
    summary:
      'De {{min}} (unidade {{minUnit}}) a {{max}} (unidade {{maxUnit}}). Unidades com os maiores valores positivos: {{positive}}; com os maiores valores negativos: {{negative}}.',
    scale: 'Escala de cores',
    scaleShared: 'Uma escala para todos os quadrinhos',
    scaleTile: 'Cada quadrinho com a sua escala',
    legendShared: 'Vermelho −{{bound}}, branco 0, azul +{{bound}}, a mesma para todos os quadrinhos.',
    legendTile:
      'Vermelho até menos, azul até mais o maior peso de cada quadrinho: todo padrão com contraste máximo, mas unidades fracas parecem tão fortes quanto as outras.',
    initial: 'Os pesos iniciais, antes do treino',
    live_one: 'Depois de {{epoch}} época, ao vivo',
    live_many: 'Depois de {{epoch}} épocas, ao vivo',
    live_other: 'Depois de {{epoch}} épocas, ao vivo',
    loaded: 'Os pesos do modelo carregado',
    replay: 'Depois da época {{epoch}} (replay)',
    unit: 'Unidade {{unit}}: pesos de {{min}} a {{max}}',
    hover: 'Aponte para um quadrinho para ver a sua unidade e a sua faixa.',
  },
  drawing: {
    heading: 'O seu desenho, camada por camada',
    empty: 'Desenhe um dígito no quadro para ver o que cada camada faz dele e quais pixels empurraram a resposta.',
    noModel: 'Ainda não há rede para olhar por dentro: treine uma ou carregue um modelo salvo.',
    waiting: 'Olhando…',
    saliencyCaption: 'Quais pixels empurraram a resposta {{digit}}',
    saliencyLabel:
      'O seu desenho com a saliência do dígito {{digit}} por cima. Empurrão mais forte para cima na linha {{upRow}}, coluna {{upColumn}}; empurrão mais forte para baixo na linha {{downRow}}, coluna {{downColumn}}.',
    saliencyExplain:
      'O gradiente de log p({{digit}}) em relação a cada pixel de entrada: azul onde mais tinta deixaria a rede mais segura de que é um {{digit}}, vermelho onde mais tinta a deixaria menos segura. Cor mais forte, empurrão mais forte.',
    layer_one: 'Camada oculta {{index}} · {{units}} unidade · {{active}} ativas',
    layer_many: 'Camada oculta {{index}} · {{units}} unidades · {{active}} ativas',
    layer_other: 'Camada oculta {{index}} · {{units}} unidades · {{active}} ativas',
    layerLabel: 'Camada oculta {{index}}: {{active}} de {{units}} unidades ativas; as mais fortes: {{top}}.',
    unitValue: 'unidade {{unit}} ({{value}})',
    output: 'Saída · probabilidade de cada dígito',
    outputLabel: 'Probabilidades de saída: {{list}}.',
    digitValue: '{{digit}}: {{percent}}',
    stripsExplain:
      'Cada célula é uma unidade, colorida pela força com que responde ao seu desenho (azul até a mais forte da camada; uma unidade ReLU em 0 fica branca: calada). As células de saída são as probabilidades dos dez dígitos.',
    replay: 'Com os pesos depois da época {{epoch}}.',
    replayNearest: 'Com os pesos depois da época {{epoch}}, a guardada mais próxima antes da época {{asked}}.',
  },
  replay: {
    label: 'Época',
    heading: 'Rever o treino',
    value: 'Época {{epoch}} de {{latest}}',
    live: 'a mais recente, ao vivo',
    replaying: 'replay',
    back: 'Voltar à época mais recente',
    explain:
      'Arraste para ver a matriz de confusão, as curvas ROC, a acurácia por dígito, os pesos da primeira camada e a previsão do seu desenho como eram depois de cada época.',
    memory: 'Os pesos depois de cada época ficam guardados para o replay: {{perEpoch}} por época, no máximo {{cap}}.',
    thinned:
      'Para caber em {{cap}} ({{perEpoch}} por época), ficam guardados os pesos de uma época a cada {{stride}} (épocas {{list}}); os pesos e o seu desenho mostram a época guardada mais próxima antes da escolhida. As avaliações ficam guardadas para todas as épocas.',
    tooLarge:
      'Os pesos de uma época ({{perEpoch}}) passam do limite de {{cap}} do replay: as avaliações voltam no tempo, os pesos e o seu desenho mostram a época mais recente.',
  },
};

export default inside;
