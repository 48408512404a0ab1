import type en from '../en/controls.ts';
import type { Localised } from '../localised.ts';

const controls: Localised<typeof en> = {
  heading: 'Configurações',
  network: 'Rede:',
  liveNote: 'mudanças nas configurações ao vivo valem a partir do próximo lote',
  train: 'Treinar',
  pause: 'Pausar',
  resume: 'Continuar',
  stop: 'Parar',
  reset: 'Reiniciar',
  resetSettings: 'Voltar às configurações do notebook',
};
export default controls;
