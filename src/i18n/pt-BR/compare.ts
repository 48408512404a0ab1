import type en from '../en/compare.ts';
import type { Localised } from '../localised.ts';

const compare: Localised<typeof en> = {
  presets: {
    learningRates: 'Taxas de aprendizado',
    sgdAdam: 'SGD contra Adam',
    nesterov: 'Nesterov',
    dropout: 'Dropout',
    networkSize: 'Tamanho da rede',
    earlyStopping: 'Parada antecipada',
  },
  names: {
    learningRate: 'taxa = {{value}}',
    momentum: 'μ = {{value}}',
    setting: '{{label}} = {{value}}',
    without: 'sem {{label}}',
    layers: 'camadas {{widths}}',
    noHidden: 'sem camada oculta',
    earlyStopping: 'parada antecipada ({{patience}})',
    noEarlyStopping: 'sem parada antecipada',
  },
  problems: {
    tooFew: 'Liste de {{min}} a {{max}} treinos, um por linha, como “opt=adam lr=0.001”.',
    tooMany: 'Uma comparação aceita no máximo {{max}} treinos (você listou {{given}}): cada um treina a sua própria rede.',
    line: 'Linha {{line}}: {{problem}}',
    notNameValue: '“{{item}}” não está na forma nome=valor (como lr=0.01).',
    unknownSetting: 'Não existe configuração chamada “{{name}}”; use {{names}}.',
    setTwice: '{{label}} aparece duas vezes.',
    value: '{{label}}: {{problem}}',
    notShared_one:
      'Os treinos devem ter em comum: {{labels}}. Todos treinam exatamente com os mesmos lotes. Defina uma vez, nas Configurações, ou igual em todas as linhas.',
    notShared_many:
      'Os treinos devem ter em comum: {{labels}}. Todos treinam exatamente com os mesmos lotes. Defina uma vez, nas Configurações, ou igual em todas as linhas.',
    notShared_other:
      'Os treinos devem ter em comum: {{labels}}. Todos treinam exatamente com os mesmos lotes. Defina uma vez, nas Configurações, ou igual em todas as linhas.',
    sameRuns: 'As linhas {{first}} e {{second}} dão exatamente as mesmas configurações: mude uma delas.',
  },
  form: {
    label: 'Treinos a comparar',
    readyMade: 'Prontos:',
    hint: 'De {{min}} a {{max}} treinos, um por linha, cada um como nome=valor sobre as Configurações ({{names}}; camadas como 512-256; decimais com ponto). Treinos com a mesma rede, o mesmo otimizador e os mesmos pesos iniciais treinam empilhados num só motor; os outros se revezam, lote a lote, com os mesmos lotes.',
    runs: 'Treinos: {{names}}',
    start: 'Iniciar comparação',
    fixSettings: 'Corrija as configurações primeiro.',
    busy: 'O treinador está ocupado: pare o que está rodando primeiro.',
  },
};
export default compare;
