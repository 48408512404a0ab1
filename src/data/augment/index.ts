/**
 * Public API of augmentation: the settings, the batch transform, and the
 * sampler that the rotated test sets share. Pure (no DOM, tfjs or
 * messaging): it runs in the worker, on the page for a preview, and in Node.
 */
export type { AugmentSettings, ElasticSettings } from './settings.ts';
export { AUGMENT_LIMITS, NO_AUGMENTATION, SIMARD_ELASTIC, augmentOf, isAugmentOff, sameAugment } from './settings.ts';
export { DRAWS_PER_IMAGE, augmentBatch } from './augmentBatch.ts';
export { ELASTIC_POOL_SIZE, elasticPool } from './elastic.ts';
export type { AffineParams } from './sampler.ts';
export { CENTRE, IDENTITY } from './sampler.ts';
