/**
 * The English catalogue: the reference every other language is checked
 * against (pt-BR/index.ts), one file per part of the page. Add a part by
 * adding its file here and in pt-BR.
 */
import augment from './augment.ts';
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import race from './race.ts';
import rotation from './rotation.ts';
import settings from './settings.ts';

export const en = { augment, common, compare, controls, race, rotation, settings } as const;
