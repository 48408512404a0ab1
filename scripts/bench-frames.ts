/**
 * The frames part of `npm run bench` (`--only=frames`): how smooth the page
 * stays while an engine trains, under each of the two ways this machine can
 * draw a page, side by side.
 *
 * - software: Chromium as the e2e tests and the rest of the bench launch it,
 *   and as it runs where no usable GPU is (`--use-angle=swiftshader-webgl`):
 *   the page rastered and composited in software, SwiftShader only for
 *   WebGL, the fallback a GPU-less Chrome uses.
 * - swiftshader: SwiftShader posing as the GPU for everything
 *   (`--use-angle=swiftshader`, the e2e launch until 2026-11-30): every frame
 *   of the page rastered and composited through a GPU emulated on the same
 *   two cores the worker trains on. No student's Chrome does this; it is
 *   kept as the worst case.
 *
 * Each: a fresh page (`?backend=…`), 50 epochs at batch 64 so that the
 * window stays inside the run, Train pressed as a student would (scrolled to
 * it), then after the first loss point and 2 s of warm-up, 8 s of
 * requestAnimationFrame gaps and long tasks (over 50 ms), nothing else
 * polling the page meanwhile. The page's own work shows as long tasks; a
 * long gap without one is a frame late for the compositor.
 */
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, LabPage } from '../e2e/support/browser.ts';

export const COMPOSITORS = ['software', 'swiftshader'] as const;
export type Compositor = (typeof COMPOSITORS)[number];

export interface FrameWindow {
  backend: string;
  compositor: Compositor;
  maxGapMs: number;
  /** The gap below which 95% of the frames came, ms. */
  p95GapMs: number;
  frames: number;
  longestTaskMs: number;
  unavailable?: string;
}

const WARMUP_MS = 2_000;
const WINDOW_MS = 8_000;

/** Chromium as the e2e tests launch it (software), or with SwiftShader as the GPU for the whole page. */
export function launch(compositor: Compositor): Promise<Browser> {
  const args = CHROMIUM_ARGS.map((a) => (compositor === 'swiftshader' && a === '--use-angle=swiftshader-webgl' ? '--use-angle=swiftshader' : a));
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

/** The window's figures, measured in the page. A string: tsx's `__name` helper does not exist there. */
const MEASURE = `new Promise((resolve) => {
  let longest = 0;
  const observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); });
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  let last = start;
  const gaps = [];
  requestAnimationFrame(function tick(t) {
    gaps.push(t - last);
    last = t;
    if (t - start < ${WINDOW_MS}) return requestAnimationFrame(tick);
    for (const e of observer.takeRecords()) longest = Math.max(longest, e.duration);
    observer.disconnect();
    gaps.sort((a, b) => a - b);
    resolve({ maxGapMs: gaps[gaps.length - 1], p95GapMs: gaps[Math.floor(gaps.length * 0.95)], frames: gaps.length, longestTaskMs: longest });
  });
})`;

export async function benchFrames(baseUrl: string, backend: string, compositor: Compositor): Promise<FrameWindow> {
  const browser = await launch(compositor);
  try {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL(`?backend=${backend}`, baseUrl).href);
    const lab = new LabPage(page);
    await lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });
    await lab.configure({ batchSize: '64', epochs: '50' });
    await lab.trainButton.click();
    await page.waitForFunction(
      () => (window as unknown as { mnistLab: { getState(): { run?: { firstLossAt?: number | null } } } }).mnistLab.getState().run?.firstLossAt != null,
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(WARMUP_MS);
    const figures = (await page.evaluate(MEASURE)) as Omit<FrameWindow, 'backend' | 'compositor'>;
    return { backend, compositor, ...figures };
  } catch (err) {
    return { backend, compositor, maxGapMs: NaN, p95GapMs: NaN, frames: 0, longestTaskMs: NaN, unavailable: err instanceof Error ? err.message : String(err) };
  } finally {
    await browser.close();
  }
}

export function framesReport(rows: readonly FrameWindow[]): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  const lines = [
    'backend  compositor    max frame gap  95% of gaps under  frames  longest task',
    ...rows.map((r) =>
      r.unavailable
        ? `${r.backend.padEnd(8)} ${r.compositor.padEnd(12)}  unavailable (${r.unavailable.split('\n')[0]})`
        : `${r.backend.padEnd(8)} ${r.compositor.padEnd(12)}  ${f(r.maxGapMs).padStart(13)}  ${f(r.p95GapMs).padStart(17)}  ${String(r.frames).padStart(6)}  ${f(r.longestTaskMs).padStart(12)}`,
    ),
    '',
    'Times in ms, over 8 s of training at batch 64 (epochs 50), 2 s after the first loss point, nothing polling the page.',
    'software: Chromium launched as for the e2e tests and as on a machine without a usable GPU: the page composited in',
    '  software, SwiftShader only for WebGL. swiftshader: SwiftShader posing as the GPU (--use-angle=swiftshader), the page',
    '  itself rastered and composited through it on the CPU; no Chrome does that on its own, it is the worst case.',
    "A long gap with no long task is a frame late for the compositor, not the page's JavaScript.",
  ];
  return lines.join('\n');
}
