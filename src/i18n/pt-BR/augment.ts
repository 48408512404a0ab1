import type en from '../en/augment.ts';
import type { Localised } from '../localised.ts';

const augment: Localised<typeof en> = {
  preview: {
    heading: 'O que o treino vê',
    label: 'Prévia do aumento de dados',
    caption: 'As 16 primeiras imagens de treino da época 1, como este treino vai vê-las: cada mudança acima as redesenha.',
    image: 'Imagem de treino {{n}}: um {{digit}}',
    loading: 'Lendo as imagens de treino…',
    failed: 'Não foi possível ler as imagens de treino, então ainda não há prévia.',
    invalid: 'Corrija as configurações marcadas acima para ver a prévia.',
  },
  names: {
    rotation: 'rotação ±{{value}}°',
    noRotation: 'sem rotação',
    shift: 'deslocamento ±{{value}} px',
    noShift: 'sem deslocamento',
    scale: 'escala ±{{value}} %',
    noScale: 'sem mudança de escala',
    alpha: 'α elástico = {{value}}',
    sigma: 'σ elástico = {{value}}',
  },
};
export default augment;
