/**
 * The English catalogue: the reference every other language is checked
 * against (pt-BR/index.ts), one file per part of the page. Add a part by
 * adding its file here and in pt-BR.
 */
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import files from './files.ts';
import history from './history.ts';
import link from './link.ts';
import models from './models.ts';
import offline from './offline.ts';
import race from './race.ts';
import settings from './settings.ts';
import storage from './storage.ts';
import worker from './worker.ts';

export const en = { common, compare, controls, files, history, link, models, offline, race, settings, storage, worker } as const;
