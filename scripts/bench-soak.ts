/**
 * The soak part of `npm run bench`: twenty short runs back to back in one
 * page (`?backend=…&trainLimit=500&validation=500`: one epoch of 8 batches of
 * 64, a 500-image validation pass and the 10,000-image test pass each), to
 * see whether anything accumulates from run to run. After each run it reads
 * - the worker's live tfjs tensors, from the run's done event (the worker
 *   counts them with tf.memory() once the run has ended, its model kept), and
 * - the page's JS heap after a forced garbage collection (Chrome DevTools
 *   Protocol: HeapProfiler.collectGarbage, then Runtime.getHeapUsage).
 * Flat tensors mean every run frees what it made; the heap may grow by what
 * the page keeps on purpose (each run's record in the history list).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { LabPage, collectIssues } from '../e2e/support/browser.ts';

export const SOAK_RUNS = 20;
const QUERY = 'trainLimit=500&validation=500';
const RUN_TIMEOUT_MS = 180_000;

export interface SoakFigures {
  backend: string;
  unavailable?: string;
  /** Per run, in order: the worker's tensors after it and the page heap after GC, MB. */
  tensors: number[];
  heapMB: number[];
  /** Wall time of the whole soak, s. */
  seconds: number;
}

interface SoakRun {
  id: number;
  phase: string;
  done: { reason: string; tensors?: number } | null;
  /** A problem code (app/workerWords.ts words it on the page). */
  error: unknown;
}

function readRun(page: Page): Promise<SoakRun | null> {
  return page.evaluate(() => {
    const r = (window as unknown as { mnistLab: { getState(): { run: SoakRun | null } } }).mnistLab.getState().run;
    return r && { id: r.id, phase: r.phase, done: r.done && { reason: r.done.reason, tensors: r.done.tensors }, error: r.error };
  });
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Presses Train and waits for that run's end; returns it. */
async function oneRun(lab: LabPage, previousId: number): Promise<SoakRun> {
  await lab.trainButton.click();
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const run = await readRun(lab.page);
    if (run && run.id !== previousId && run.error) throw new Error(JSON.stringify(run.error));
    if (run && run.id !== previousId && run.done) {
      // Train comes back once the page has taken the run's end in.
      await lab.trainButton.waitFor({ state: 'visible' });
      return run;
    }
    if (Date.now() > deadline) throw new Error(`run ${previousId + 1} did not end within ${RUN_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchSoak(browser: Browser, baseUrl: string, backend: string): Promise<SoakFigures> {
  const figures: SoakFigures = { backend, tensors: [], heapMB: [], seconds: 0 };
  const t0 = Date.now();
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const issues = collectIssues(page);
  try {
    await page.goto(new URL(`?backend=${backend}&${QUERY}`, baseUrl).href);
    const cdp = await context.newCDPSession(page);
    const lab = new LabPage(page);
    await lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });
    await lab.configure({ epochs: '1' });
    let id = 0;
    for (let i = 0; i < SOAK_RUNS; i++) {
      const run = await oneRun(lab, id);
      id = run.id;
      figures.tensors.push(run.done?.tensors ?? NaN);
      figures.heapMB.push(await heapAfterGc(cdp));
    }
  } catch (err) {
    figures.unavailable = err instanceof Error ? err.message : String(err);
  } finally {
    const uncaught = issues.filter((i) => i.kind === 'pageerror');
    if (uncaught.length > 0) console.error(`[bench] soak ${backend}: uncaught page errors:\n${uncaught.map((i) => i.text).join('\n')}`);
    await context.close();
  }
  figures.seconds = (Date.now() - t0) / 1000;
  return figures;
}

export function soakReport(results: SoakFigures[]): string {
  const lines = results.map((r) => {
    if (r.unavailable) return `soak ${r.backend}: unavailable: ${r.unavailable} (after ${r.tensors.length} runs)`;
    const t = r.tensors;
    const h = r.heapMB;
    const mb = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));
    // Run 1 mounts the charts and compiles the page's code paths once; the steady state starts at run 2.
    const perRunKB = h.length > 2 ? ((h[h.length - 1] - h[1]) / (h.length - 2)) * 1024 : NaN;
    return (
      `soak ${r.backend}: ${t.length} runs in ${r.seconds.toFixed(0)} s; worker tensors after run 1: ${t[0]}, after run ${t.length}: ${t.at(-1)} ` +
      `(min ${Math.min(...t)}, max ${Math.max(...t)}); page heap after GC: run 1 ${mb(h[0])} MB, run 2 ${mb(h[1])} MB, run ${h.length} ${mb(h.at(-1))} MB ` +
      `(max ${mb(Math.max(...h))} MB; ${perRunKB.toFixed(0)} KB a run from run 2)\n  heap MB by run: ${h.map((v) => v.toFixed(1)).join(' ')}`
    );
  });
  return [
    ...lines,
    `Soak: ${SOAK_RUNS} runs back to back in one page (?${QUERY}, 1 epoch each); tensors from each run's done event (its model kept),`,
    "heap: the page's main-thread JS heap after a forced GC (CDP). Each run also adds its record to the history list.",
  ].join('\n');
}
