/**
 * The automatic choice, for `npm run bench` (`--only=engines`): the page
 * opened without `?backend=`, in a fresh browser context each time, and what
 * the worker's start-up probe (worker/engines.ts) decided: the engine, why,
 * each engine's time per step in the probe, and the probe's own wall time.
 * Also the wall time from opening the page to the engine being named, which
 * includes loading the page and starting the worker; and Train pressed the
 * moment the page shows it, as a student does: the first loss point after
 * the click (`run.firstLossAt - run.startedAt`), while the page, the
 * workers and the data are still starting.
 *
 * The click comes from a script in the page that looks for an enabled Train
 * button every 10 ms, and the times are read on the page's own clock (from
 * its navigation start). Playwright's role query, polled until the button
 * shows, took main-thread time from the starting page and clicked 0.4-0.7 s
 * after the button was there, which made the wait after the click look
 * shorter by as much.
 */
import type { Browser } from 'playwright-core';

export interface AutoChoice {
  engine?: string;
  reason?: string;
  runnerUp?: { engine: string; ratio: number };
  renderer?: string;
  probe?: { batchSize: number; ms: number; timings: { engine: string; msPerStep: number }[] };
  /** Page opened → engine named, ms. */
  namedAfterMs?: number;
  /** Train pressed as the page showed it → first loss point, ms; page opened → that click, and → the first loss point (the page's clock). */
  firstLoss?: { afterClickMs: number; clickedAfterMs: number; atMs: number };
  /** Engines the worker left out, with why (the report's own list). */
  unavailable?: { engine: string; code: string }[];
  /** The page's own words. */
  shown?: string;
  /** Why no choice was read (the page or the worker failed); the report's `unavailable` is another thing. */
  error?: string;
}

interface EngineState {
  engine: { engine: string; reason: string; runnerUp?: AutoChoice['runnerUp']; renderer: string; probe?: AutoChoice['probe'] } | null;
  run?: { startedAt: number; firstLossAt?: number | null } | null;
}

/** In the page before its scripts: presses Train the moment it is enabled. A string: tsx's `__name` helper does not exist there. */
const PRESS_TRAIN_WHEN_SHOWN = `{
  const id = setInterval(() => {
    for (const b of document.getElementsByTagName('button')) {
      if (b.textContent.trim() === 'Train' && !b.disabled) { clearInterval(id); b.click(); return; }
    }
  }, 10);
}`;

export async function benchAutoChoice(browser: Browser, baseUrl: string): Promise<AutoChoice> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(PRESS_TRAIN_WHEN_SHOWN);
    const t0 = Date.now();
    await page.goto(baseUrl);
    await page.waitForFunction(() => (window as unknown as { mnistLab?: { getState(): EngineState } }).mnistLab?.getState().engine != null, undefined, {
      timeout: 60_000,
      polling: 50,
    });
    const namedAfterMs = Date.now() - t0;
    const run = (await page
      .waitForFunction(
        () => {
          const run = (window as unknown as { mnistLab: { getState(): EngineState } }).mnistLab.getState().run;
          return run?.firstLossAt ? { startedAt: run.startedAt, firstLossAt: run.firstLossAt } : null;
        },
        undefined,
        { timeout: 60_000, polling: 50 },
      )
      .then((h) => h.jsonValue())) as { startedAt: number; firstLossAt: number };
    const { engine } = await page.evaluate(() => (window as unknown as { mnistLab: { getState(): EngineState } }).mnistLab.getState());
    const shown = (await page.locator('.backend p').allTextContents()).join(' | ');
    const firstLoss = {
      afterClickMs: Math.round(run.firstLossAt - run.startedAt),
      clickedAfterMs: Math.round(run.startedAt),
      atMs: Math.round(run.firstLossAt),
    };
    return { ...engine!, namedAfterMs, firstLoss, shown };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    await context.close();
  }
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));

export function autoChoiceReport(choices: AutoChoice[]): string {
  const lines = choices.map((c, i) => {
    if (c.error !== undefined) return `automatic choice ${i + 1}: failed: ${c.error}`;
    const timings = c.probe?.timings.map((t) => `${t.engine} ${ms(t.msPerStep)}`).join(', ') ?? 'no probe';
    const runnerUp = c.runnerUp ? `, ${c.runnerUp.ratio.toFixed(1)}× faster than ${c.runnerUp.engine}` : '';
    const left = c.unavailable?.length ? `; left out: ${c.unavailable.map((u) => `${u.engine} (${u.code})`).join(', ')}` : '';
    return (
      `automatic choice ${i + 1}: ${c.engine} (${c.reason}${runnerUp}); WebGL renderer ${c.renderer}${left}; ` +
      `probe ${c.probe ? `${ms(c.probe.ms)} ms` : '–'} (ms per batch of ${c.probe?.batchSize ?? '–'}: ${timings}); named ${c.namedAfterMs} ms after opening the page; ` +
      `first loss ${c.firstLoss ? `${c.firstLoss.afterClickMs} ms after Train, pressed ${c.firstLoss.clickedAfterMs} ms after opening the page (${c.firstLoss.atMs} ms after opening)` : '–'}`
    );
  });
  const shown = choices.find((c) => c.shown)?.shown;
  const legend = [
    'Each: a fresh page without ?backend=. probe: the worker timing each engine it has, its own wall time; named: page opened → engine shown,',
    'page load and worker start included. first loss: Train pressed by a script in the page the moment it is enabled → the first loss',
    "point (the page, the workers, the probe and the data still starting), on the page's clock from its navigation start.",
  ];
  return [...lines, ...(shown ? [`the page says: ${shown}`] : []), ...legend].join('\n');
}
