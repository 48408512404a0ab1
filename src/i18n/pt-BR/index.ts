/** The Brazilian Portuguese catalogue, checked against the English one key by key (Localised). */
import type { en } from '../en/index.ts';
import type { Localised } from '../localised.ts';
import app from './app.ts';
import augment from './augment.ts';
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import draw from './draw.ts';
import engine from './engine.ts';
import evaluation from './eval.ts';
import files from './files.ts';
import history from './history.ts';
import link from './link.ts';
import loss from './loss.ts';
import models from './models.ts';
import offline from './offline.ts';
import inside from './inside.ts';
import keys from './keys.ts';
import present from './present.ts';
import race from './race.ts';
import raceView from './raceView.ts';
import range from './range.ts';
import rotation from './rotation.ts';
import settings from './settings.ts';
import status from './status.ts';
import storage from './storage.ts';
import tuning from './tuning.ts';
import worker from './worker.ts';

export const ptBR: Localised<typeof en> = {
  app,
  augment,
  common,
  compare,
  controls,
  draw,
  engine,
  eval: evaluation,
  files,
  history,
  inside,
  keys,
  link,
  loss,
  models,
  offline,
  present,
  race,
  raceView,
  range,
  rotation,
  settings,
  status,
  storage,
  tuning,
  worker,
};
