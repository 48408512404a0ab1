/** The Brazilian Portuguese catalogue, checked against the English one key by key (Localised). */
import type { en } from '../en/index.ts';
import type { Localised } from '../localised.ts';
import augment from './augment.ts';
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import race from './race.ts';
import rotation from './rotation.ts';
import settings from './settings.ts';

export const ptBR: Localised<typeof en> = { augment, common, compare, controls, race, rotation, settings };
