/**
 * The data worker's entry, started by the page beside the training worker
 * (app/dataWorker.ts): a thin adapter over serveData with the browser's
 * fetch and Cache. It reads the Cache (a stored copy is used as it is) but
 * never writes it: the training worker keeps the files it is sent, once its
 * first run has a loss.
 */
import { cacheStore } from '../../data/dataStore.ts';
import { loadMnist } from '../../data/load.ts';
import type { Endpoint } from '../protocol.ts';
import { serveData } from './serveData.ts';

const store = cacheStore((self as { caches?: CacheStorage }).caches);
serveData(self as unknown as Endpoint, (url) => loadMnist(url, { store }));
