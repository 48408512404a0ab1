/**
 * `npm run bench-history [-- runs×points ...]`:
 * what a large run history costs the page. For each size (default 1000×10 and
 * 1000×1000) a fresh Chromium opens the built lab, imports a generated history
 * file, trains one short run (its auto-save then meets the imported history:
 * the longest frame gap over the whole run is reported),
 * ticks "Overlay all runs", and reloads the page. Prints, per step, the wall time and the longest
 * gap between two animation frames (how long the page was frozen), and the
 * main-thread heap after a forced garbage collection. `--repeat=3` measures
 * three times and prints the least of each figure.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { historyFile } from '../e2e/support/historyFile.ts';
import { openLab } from '../e2e/support/browser.ts';
import { freePort, startPreview } from '../e2e/support/server.ts';

const STEP_TIMEOUT_MS = 180_000;

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Starts (or restarts) the frame-gap watch: window.__gap holds the longest gap since, ms. */
async function watchFrames(page: Page): Promise<void> {
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const w = window;
    w.__gap = 0;
    w.__last = performance.now();
    if (w.__watching) return;
    w.__watching = true;
    const tick = (t) => { w.__gap = Math.max(w.__gap, t - w.__last); w.__last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
}
/**
 * Waits for the page's text to match, looking every 250 ms at textContent: cheap for
 * the page, unlike a locator's polling (roles, visibility), which would load the
 * main thread being measured.
 */
async function untilText(page: Page, text: RegExp): Promise<void> {
  await page.waitForFunction(`${text}.test(document.body.textContent)`, undefined, { polling: 250, timeout: STEP_TIMEOUT_MS });
}

const frameGap = (page: Page) => page.evaluate(() => (window as unknown as { __gap: number }).__gap);

interface Step {
  step: string;
  ms: number;
  longestFrameGapMs: number | null;
  heapMb: number | null;
  note?: string;
}

async function measure(runs: number, points: number, baseUrl: string): Promise<Step[]> {
  const s = await openLab('?trainLimit=500&validation=200&backend=wasm', { baseUrl });
  const { page, lab } = s;
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const cdp = await page.context().newCDPSession(page);
  const steps: Step[] = [];
  const panel = page.getByRole('region', { name: 'Run history' });
  try {
    await panel.getByText('No runs yet').waitFor({ timeout: 20_000 });
    steps.push({ step: 'empty page', ms: 0, longestFrameGapMs: null, heapMb: await heapMb(cdp) });

    const text = historyFile(runs, points);
    const file = path.join(os.tmpdir(), `mnist-lab-history-${runs}x${points}.json`);
    await writeFile(file, text);
    await watchFrames(page);
    let t = Date.now();
    await panel.getByLabel('Import runs (JSON)').setInputFiles(file, { timeout: STEP_TIMEOUT_MS });
    const said = panel.getByRole('status').or(panel.getByRole('alert'));
    await untilText(page, /Imported [\d,]+ runs? from|could not|at most|not a mnist-lab/);
    const importMs = Date.now() - t;
    steps.push({
      step: `import (${(text.length / 2 ** 20).toFixed(1)} MB)`,
      ms: importMs,
      longestFrameGapMs: await frameGap(page),
      heapMb: await heapMb(cdp),
      note: (await said.first().textContent()) ?? '',
    });

    // One short run: its record is written after its epoch and again at its end, beside the imported history.
    await lab.configure({ epochs: '1', learningRate: '0.1' });
    await watchFrames(page);
    t = Date.now();
    await lab.trainButton.click();
    await lab
      .text(/Test accuracy [\d.]+%/)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await untilText(page, /Run · lr 0\.1 · μ 0\.5/);
    await page.waitForTimeout(1_500);
    steps.push({ step: 'train a run (auto-saved)', ms: Date.now() - t - 1_500, longestFrameGapMs: await frameGap(page), heapMb: await heapMb(cdp) });

    await watchFrames(page);
    t = Date.now();
    await panel.getByRole('checkbox', { name: 'Overlay all runs' }).check({ timeout: STEP_TIMEOUT_MS });
    // The chart of the imported runs is already there: wait for the one of all of them (this lab's
    // capped label, or an older lab's that draws every run).
    const total = runs + 1;
    const label = `History overlay: ${total > 20 ? `20 of ${total.toLocaleString('en')} ticked runs` : `${total} runs`}`;
    await page.waitForFunction(
      `[...document.querySelectorAll('[aria-label^="History overlay"]')].some((e) => ['${label}', 'History overlay: ${total} runs'].includes(e.getAttribute('aria-label')))`,
      undefined,
      { polling: 250, timeout: STEP_TIMEOUT_MS },
    );
    const name = await panel.getByRole('img', { name: /History overlay/ }).getAttribute('aria-label');
    steps.push({ step: 'overlay all runs', ms: Date.now() - t, longestFrameGapMs: await frameGap(page), heapMb: await heapMb(cdp), note: name ?? '' });

    t = Date.now();
    await page.reload();
    await untilText(page, /1,?001 runs kept in this browser/);
    steps.push({ step: 'reload until listed', ms: Date.now() - t, longestFrameGapMs: null, heapMb: await heapMb(cdp) });
  } catch (e) {
    steps.push({ step: crashed ? 'CRASHED' : 'FAILED', ms: NaN, longestFrameGapMs: null, heapMb: null, note: String(e).slice(0, 200) });
  } finally {
    await s.close().catch(() => undefined);
  }
  return steps;
}

const args = process.argv.slice(2);
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 1);
const sizeArgs = args.filter((a) => !a.startsWith('--'));
const sizes = (sizeArgs.length ? sizeArgs : ['1000x10', '1000x1000']).map((a) => a.split('x').map(Number) as [number, number]);
const f = (v: number | null, d = 0) => (v === null || Number.isNaN(v) ? '—' : v.toFixed(d));
const server = await startPreview(await freePort());
try {
  for (const [runs, points] of sizes) {
    // On a shared machine one figure can be several times the true cost: with --repeat=N,
    // the least of N (wall time and frame gap each), the nearest to what the page itself costs.
    const tries: Step[][] = [];
    for (let k = 0; k < repeat; k++) tries.push(await measure(runs, points, server.url));
    console.log(`\n${runs} runs × ${points} points${repeat > 1 ? ` (least of ${repeat})` : ''}`);
    tries[0].forEach((first, i) => {
      const all = tries.map((t) => t[i]).filter((r): r is Step => !!r && r.step === first.step);
      const least = (get: (r: Step) => number | null) => {
        const v = all.map(get).filter((x): x is number => x !== null && !Number.isNaN(x));
        return v.length ? Math.min(...v) : null;
      };
      console.log(
        `  ${first.step.padEnd(28)} ${f(least((r) => r.ms)).padStart(7)} ms   frame gap ${f(least((r) => r.longestFrameGapMs)).padStart(6)} ms   heap ${f(first.heapMb, 1).padStart(6)} MB   ${first.note ?? ''}`,
      );
    });
  }
} finally {
  await server.stop();
}
