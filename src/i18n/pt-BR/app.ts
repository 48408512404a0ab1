import type en from '../en/app.ts';
import type { Localised } from '../localised.ts';

const app: Localised<typeof en> = {
  tagline: 'Veja uma pequena rede aprender dígitos escritos à mão, e o que a taxa de aprendizado muda.',
  panels: {
    offline: 'Sem internet',
    backend: 'Backend',
    settings: 'Configurações',
    training: 'Treinamento',
    loss: 'Perda',
    range: 'Encontrar uma taxa de aprendizado',
    race: 'Corrida de taxas de aprendizado',
    history: 'Histórico de treinos',
    evaluation: 'Avaliação',
    draw: 'Desenhe um dígito',
    models: 'Modelos salvos',
  },
  failure: {
    panel: 'Este painel falhou',
    rest: 'O resto da página continua funcionando.',
    tryAgain: 'Tentar de novo',
    item: '{{what}} não pode ser mostrado',
    unexpected: 'um erro inesperado',
  },
  damaged: {
    model: {
      list: 'Modelos salvos danificados',
      nameless: 'Um modelo salvo',
      remove: 'Remover o modelo danificado {{name}}',
      removeNameless: 'Remover o modelo salvo danificado',
    },
    run: {
      list: 'Treinos danificados',
      nameless: 'Um treino',
      remove: 'Remover o treino danificado {{name}}',
      removeNameless: 'Remover o treino danificado',
    },
    named: '“{{name}}”',
    isDamaged: 'está danificado e não pode ser usado: {{reason}}.',
    removeButton: 'Remover',
  },
};
export default app;
