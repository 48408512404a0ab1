import type en from '../en/range.ts';
import type { Localised } from '../localised.ts';

const range: Localised<typeof en> = {
  heading: 'Encontrar uma taxa de aprendizado',
  run: 'Fazer o teste de faixa',
  stop: 'Parar o teste de faixa',
  explain:
    'O teste de faixa treina a partir dos mesmos pesos iniciais enquanto a taxa de aprendizado cresce de 10⁻⁶ a 10, um lote por vez. Pequena demais, a perda não se move; na faixa certa, cai rápido; grande demais, explode. Uma boa taxa de aprendizado fica onde a perda ainda cai com força, antes do fundo. O seu modelo treinado não é tocado.',
  name_one: 'Teste de faixa: perda em função da taxa de aprendizado, {{n}} ponto',
  name_many: 'Teste de faixa: perda em função da taxa de aprendizado, {{n}} de pontos',
  name_other: 'Teste de faixa: perda em função da taxa de aprendizado, {{n}} pontos',
  lrAxis: 'Taxa de aprendizado (escala logarítmica)',
  lossAxis: 'Perda suavizada',
  series: 'Perda suavizada',
  tooltipLr: 'taxa {{value}}',
  suggestedMark: 'sugerida',
  steepestMark: 'mais íngreme',
  sweeping: 'Varrendo… {{n}} de até {{max}} lotes',
  suggestion: 'Taxa de aprendizado sugerida: <b>{{valley}}</b> (regra do vale, o padrão do fast.ai) · descida mais íngreme em {{steepest}}. ',
  use: 'Usar esta taxa de aprendizado',
  table: {
    caption: 'Perda suavizada em cada potência de dez da taxa de aprendizado',
    learningRate: 'Taxa de aprendizado',
    loss: 'Perda suavizada',
  },
};
export default range;
