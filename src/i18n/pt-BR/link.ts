import type en from '../en/link.ts';
import type { Localised } from '../localised.ts';

const link: Localised<typeof en> = {
  copy: 'Copiar link',
  copied: 'Link copiado',
  copyFailed: 'O navegador não deixou a página copiar. O link está selecionado aqui: copie com Ctrl+C (⌘C no Mac).',
  field: 'Link para esta configuração',
  notices: {
    label: 'Opções no endereço da página',
    dismiss: 'Dispensar',
    ignored: '{{option}} foi ignorado: {{why}}',
    unknown: 'Esta página não tem a opção “{{name}}”. As opções são {{names}}.',
    repeated: '“{{name}}” aparece mais de uma vez: vale a primeira.',
    setting: '{{problem}} Valor usado: {{used}}.',
    decimalPoint: 'Um link escreve decimais com ponto: {{value}}.',
    choice: 'Use {{choices}}.',
    range: 'Use um número inteiro de {{min}} a {{max}}.',
    flag: 'Use 1 (ligado) ou 0 (desligado).',
    hideName: '“{{name}}” em {{option}} foi ignorado: não é um painel ({{panels}}) nem uma configuração ({{settings}}).',
    raceList: '{{problem}} Valores usados: {{used}}.',
    or: '{{items}} ou {{last}}',
    used: {
      backend: 'A página escolhe sozinha o motor mais rápido.',
      threads: 'A comparação usa as threads que a página escolher.',
      lang: 'A página está em português.',
      trainLimit: 'O treino usa todas as imagens de treino que as configurações pedem.',
      validation_one: '{{formatted}} imagem fica separada para validação.',
      validation_many: '{{formatted}} imagens ficam separadas para validação.',
      validation_other: '{{formatted}} imagens ficam separadas para validação.',
      present: 'O modo apresentação continua desligado.',
      faults: 'O gancho de falhas continua desligado.',
      racemom: 'Todos os treinos usam o momento das configurações.',
    },
  },
  values: {
    on: 'ligado',
    off: 'desligado',
    noLayers: 'nenhuma camada oculta',
  },
};
export default link;
