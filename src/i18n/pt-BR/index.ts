/** The Brazilian Portuguese catalogue, checked against the English one key by key (Localised). */
import type { en } from '../en/index.ts';
import type { Localised } from '../localised.ts';
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import keys from './keys.ts';
import present from './present.ts';
import race from './race.ts';
import settings from './settings.ts';

export const ptBR: Localised<typeof en> = { common, compare, controls, keys, present, race, settings };
