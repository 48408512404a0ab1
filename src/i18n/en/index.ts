/**
 * The English catalogue: the reference every other language is checked
 * against (pt-BR/index.ts), one file per part of the page. Add a part by
 * adding its file here and in pt-BR.
 */
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import keys from './keys.ts';
import present from './present.ts';
import race from './race.ts';
import settings from './settings.ts';

export const en = { common, compare, controls, keys, present, race, settings } as const;
