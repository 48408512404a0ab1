/** The Brazilian Portuguese catalogue, checked against the English one key by key (Localised). */
import type { en } from '../en/index.ts';
import type { Localised } from '../localised.ts';
import app from './app.ts';
import common from './common.ts';
import compare from './compare.ts';
import controls from './controls.ts';
import draw from './draw.ts';
import evaluation from './eval.ts';
import loss from './loss.ts';
import race from './race.ts';
import raceView from './raceView.ts';
import range from './range.ts';
import settings from './settings.ts';
import status from './status.ts';
import tuning from './tuning.ts';

export const ptBR: Localised<typeof en> = { app, common, compare, controls, draw, eval: evaluation, loss, race, raceView, range, settings, status, tuning };
