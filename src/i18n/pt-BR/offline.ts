import type en from '../en/offline.ts';
import type { Localised } from '../localised.ts';

const offline: Localised<typeof en> = {
  status: {
    available: 'Disponível sem internet: o laboratório e os seus dados estão guardados neste navegador.',
    preparing: 'Baixando o laboratório e os seus dados para uso sem internet…',
    'no-service-worker': 'Indisponível sem internet: este navegador não consegue guardar a página (é preciso https ou localhost).',
    'shell-failed': 'Indisponível sem internet: não foi possível guardar a página (um download falhou). Uma nova tentativa é feita na próxima visita.',
    'data-no-store': 'Indisponível sem internet: este navegador não consegue guardar os dados de treino (é preciso https ou localhost).',
    'data-store-failed': 'Indisponível sem internet: o navegador não liberou espaço para os dados de treino (11 MB).',
    'data-load-failed': 'Indisponível sem internet: os dados de treino não carregaram.',
  },
  persist: {
    granted: 'O navegador os mantém até você removê-los.',
    denied: 'O navegador pode removê-los se faltar espaço.',
    unsupported: 'O navegador pode removê-los se faltar espaço.',
  },
  updateReady: 'Uma nova versão do laboratório está pronta.',
  updateApply: 'Recarregar para atualizar',
};
export default offline;
