/**
 * The English catalogue: the reference every other language is checked
 * against (pt-BR/index.ts), one file per part of the page. Add a part by
 * adding its file here and in pt-BR.
 */
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import inside from './inside.ts';
import race from './race.ts';
import settings from './settings.ts';

export const en = { common, compare, controls, inside, race, settings } as const;
