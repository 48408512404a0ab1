import type en from '../en/present.ts';
import type { Localised } from '../localised.ts';

const present: Localised<typeof en> = {
  button: 'Apresentar',
  buttonHint: 'Uma tela só, para o projetor (P); Esc ou este botão sai do modo',
  moreSettings: 'Mais configurações',
};
export default present;
