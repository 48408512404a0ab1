import type en from '../en/race.ts';
import type { Localised } from '../localised.ts';

const race: Localised<typeof en> = {
  form: {
    ratesLabel: 'Taxas de aprendizado na corrida',
    preset: 'Sugestão: {{list}}',
    ratesHint:
      'De {{min}} a {{max}} valores, separados por ponto e vírgula ou espaços (a vírgula é a marca decimal). Épocas, tamanho do lote, semente, pesos iniciais e agenda vêm das Configurações; o momento também, a não ser que seja dado por treino abaixo.',
    momentaLabel: 'Momento por treino',
    momentaPlaceholder: 'Configurações: {{value}}',
    momentaHint:
      'Opcional. Vazio: todos os treinos usam o momento das Configurações. Um valor: esse momento para todos. Senão, um valor por taxa de aprendizado, na mesma ordem; uma taxa pode então correr duas vezes com dois momentos (0,01 com 0 e com 0,9 mostra o que o momento acrescenta).',
    start: 'Iniciar corrida',
    fixSettings: 'Corrija as configurações primeiro.',
    busy: 'Um treino ou teste de faixa está usando o treinador: pare-o primeiro.',
  },
  problems: {
    empty: 'Digite de {{min}} a {{max}} taxas de aprendizado, separadas por ponto e vírgula ou espaços, como {{example}}.',
    item: '“{{item}}”: {{problem}}',
    tooFew: 'Uma corrida precisa de pelo menos {{min}} taxas de aprendizado para comparar; acrescente outra.',
    tooMany: 'Uma corrida aceita no máximo {{max}} taxas de aprendizado (você digitou {{given}}): cada uma treina a sua própria rede.',
    momentaCount: '{{rates}} taxas de aprendizado, mas {{momenta}} momentos: dê um momento, ou um por taxa de aprendizado.',
    repeatedRates_one: '{{items}} aparece mais de uma vez: cada taxa corre uma vez, a não ser que o Momento por treino dê a cada uma o seu momento.',
    repeatedRates_many: '{{items}} aparecem mais de uma vez: cada taxa corre uma vez, a não ser que o Momento por treino dê a cada uma o seu momento.',
    repeatedRates_other: '{{items}} aparecem mais de uma vez: cada taxa corre uma vez, a não ser que o Momento por treino dê a cada uma o seu momento.',
    pair: 'taxa “{{rate}}” com μ “{{momentum}}”',
    repeatedPairs_one: '{{pairs}} aparece mais de uma vez: cada par de taxa de aprendizado e momento corre uma vez.',
    repeatedPairs_many: '{{pairs}} aparecem mais de uma vez: cada par de taxa de aprendizado e momento corre uma vez.',
    repeatedPairs_other: '{{pairs}} aparecem mais de uma vez: cada par de taxa de aprendizado e momento corre uma vez.',
  },
};
export default race;
