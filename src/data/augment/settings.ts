/**
 * What augmentation does to each training image: a random rotation, shift
 * and scale (one affine map about the image centre) and, optionally, an
 * elastic distortion (Simard, Steinkraus & Platt 2003). All off is the
 * preset: training then sees the images exactly as stored.
 */
import type { RunSettings } from '../../shared/settings.ts';

export interface ElasticSettings {
  /** Strength: the smoothed displacement field is multiplied by α, so its scale is in px (Simard: 34). */
  alpha: number;
  /** Smoothness: the Gaussian's standard deviation, px, that smooths the uniform noise (Simard: 4). */
  sigma: number;
}

export interface AugmentSettings {
  /** Each image turns by an angle uniform in ±rotationDeg, degrees; positive is counter-clockwise on screen. */
  rotationDeg: number;
  /** Each image moves by a whole number of pixels uniform in −⌊shiftPx⌋ … ⌊shiftPx⌋, independently along x and y. */
  shiftPx: number;
  /** Each image is scaled about its centre by 1 + s/100, s uniform in ±scalePct (%, so 10 is 0.9× to 1.1×). */
  scalePct: number;
  /** Elastic distortion after the affine map; null is off. */
  elastic: null | ElasticSettings;
}

export const NO_AUGMENTATION: AugmentSettings = { rotationDeg: 0, shiftPx: 0, scalePct: 0, elastic: null };

/** The ranges the settings accept (the issue's: rotation 0–90°, shift 0–8 px, scale 0–30 %). */
export const AUGMENT_LIMITS = { rotationDeg: 90, shiftPx: 8, scalePct: 30 } as const;

/** Simard et al.'s values for MNIST: a suggested starting point when elastic distortion is switched on. */
export const SIMARD_ELASTIC: ElasticSettings = { alpha: 34, sigma: 4 };

/** True when augmentation leaves every image as it is (no draws are made then). */
export function isAugmentOff(s: AugmentSettings): boolean {
  return s.rotationDeg === 0 && Math.floor(s.shiftPx) === 0 && s.scalePct === 0 && (s.elastic === null || s.elastic.alpha === 0);
}

/** Whether two settings augment identically (for caches and "did a setting change"). */
export function sameAugment(a: AugmentSettings, b: AugmentSettings): boolean {
  return (
    a.rotationDeg === b.rotationDeg &&
    Math.floor(a.shiftPx) === Math.floor(b.shiftPx) &&
    a.scalePct === b.scalePct &&
    (a.elastic === null ? b.elastic === null : b.elastic !== null && a.elastic.alpha === b.elastic.alpha && a.elastic.sigma === b.elastic.sigma)
  );
}

/** A run's augmentation, from its settings (the form's flat fields: α and σ count only while elastic distortion is on). */
export function augmentOf(s: Pick<RunSettings, 'rotationDeg' | 'shiftPx' | 'scalePct' | 'elastic' | 'elasticAlpha' | 'elasticSigma'>): AugmentSettings {
  return {
    rotationDeg: s.rotationDeg,
    shiftPx: s.shiftPx,
    scalePct: s.scalePct,
    elastic: s.elastic ? { alpha: s.elasticAlpha, sigma: s.elasticSigma } : null,
  };
}
