import type en from '../en/keys.ts';
import type { Localised } from '../localised.ts';

const keys: Localised<typeof en> = {
  helpButton: 'Atalhos de teclado',
  help: {
    title: 'Atalhos de teclado',
    intro: 'Estas teclas funcionam em toda a página, menos enquanto você digita em um campo.',
    close: 'Fechar',
    keyColumn: 'Tecla',
    actionColumn: 'O que faz',
  },
  keyNames: {
    space: 'Espaço',
    escape: 'Esc',
  },
  actions: {
    trainPause: 'Treinar, Pausar ou Continuar',
    stop: 'Parar o treino (fora do modo de apresentação)',
    leavePresent: 'Sair do modo de apresentação',
    reset: 'Reiniciar: descartar a rede treinada',
    clearPad: 'Limpar a área de desenho',
    focusLearningRate: 'Ir para a taxa de aprendizado',
    present: 'Ligar ou desligar o modo de apresentação',
    help: 'Esta lista de atalhos',
  },
  samples: {
    legend: 'Carregar um exemplo',
    hint: 'Um dígito manuscrito do conjunto de teste do MNIST; clique de novo para ver outro.',
    button: 'Carregar um exemplo de {{digit}}',
    loading: 'Os dígitos de exemplo ainda estão carregando; tente de novo em instantes.',
    unavailable: 'Sem dígitos de exemplo: não foi possível carregar os arquivos do MNIST.',
    loaded: 'Exemplo de {{digit}} carregado: imagem de teste {{index}}.',
  },
};
export default keys;
