/** The Brazilian Portuguese catalogue, checked against the English one key by key (Localised). */
import type { en } from '../en/index.ts';
import type { Localised } from '../localised.ts';
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

export const ptBR: Localised<typeof en> = { common, compare, controls, files, history, link, models, offline, race, settings, storage, worker };
