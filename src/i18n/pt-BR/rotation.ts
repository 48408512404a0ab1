import type en from '../en/rotation.ts';
import type { Localised } from '../localised.ts';

const rotation: Localised<typeof en> = {
  heading: 'Acurácia por rotação',
  intro:
    'Acurácia de teste nas imagens oficiais de teste giradas por cada ângulo. Uma rede treinada com dígitos retos lê pior os inclinados; treinar com rotação (Aumento de dados, nas Configurações) recupera boa parte disso, ao custo de cerca de um ponto a 0°.',
  chart_one: 'Gráfico de acurácia por rotação: {{count}} linha',
  chart_many: 'Gráfico de acurácia por rotação: {{count}} linhas',
  chart_other: 'Gráfico de acurácia por rotação: {{count}} linhas',
  axisAngle: 'Rotação (graus)',
  axisAccuracy: 'Acurácia de teste (%)',
  run: 'Treino',
  angle: '{{value}}°',
  lines: {
    run: 'Este treino ({{what}})',
    noAugmentation: 'sem aumento de dados',
    model: 'Modelo “{{name}}”',
    history: '{{name}} (histórico)',
  },
  measuring: 'Medindo a acurácia por rotação (o conjunto de teste girado de sete maneiras)…',
  empty:
    'Treine uma rede, ou carregue um modelo salvo, para ver como a acurácia se mantém quando os dígitos giram. Marque treinos no histórico para compará-los aqui.',
  measure: 'Medir a acurácia por rotação',
  problems: {
    'no-model': 'Não há rede para medir: treine uma, ou carregue um modelo salvo.',
    busy: 'O worker estava ocupado; clique de novo quando o treino terminar.',
    failed: 'A medição falhou; clique no botão para tentar de novo.',
  },
  try: {
    show: 'Testar rotações',
    hide: 'Esconder rotações',
    label: 'Seu desenho, girado',
    image: 'Seu desenho girado em {{angle}}°',
    answer: '{{digit}} ({{p}})',
    noModel: 'Ainda não há rede para consultar: treine uma, ou carregue um modelo salvo.',
    empty: 'Desenhe um dígito para vê-lo girado.',
    waiting: 'Prevendo…',
  },
};
export default rotation;
