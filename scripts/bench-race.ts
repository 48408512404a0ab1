/**
 * The race part of `npm run bench`: what training R learning rates stacked in
 * one engine costs against training them one after another. On one page per
 * engine (`?backend=…&trainLimit=3200&validation=1000`: one epoch is 50
 * batches of 64; 500 batches on the SIMD engine, whose 50 would take 25 ms),
 * it times
 * - a race of 0.001, 0.01, 0.1 and 1 (Start race → the race is done),
 * - one single run at 0.01 (Train → the run is done),
 * - four single runs at 0.001, 0.01, 0.1 and 1, one after another,
 * all for the same 50 batches with the form's other settings (momentum 0.5,
 * seed 1). A short race and a short single run are started and stopped
 * first, so that no measured run pays for compiling its programs. Two
 * rounds, the second in the opposite order (singles first), and each figure
 * is the better of its two: on a small shared machine one run in a few is
 * slowed by something else, and the order must not favour either side.
 *
 * Two figures per run:
 * - train ms: the worker's own active-time counter, the same in both loops
 *   (building each batch, the training steps, the loss readbacks; no
 *   evaluation, no waiting for messages), read from the last progress report
 *   as samples × 1000 / samples-per-second.
 * - wall ms: from pressing the button to the done state, polled every 50 ms.
 *   It includes building the engine and the evaluations, which differ: a
 *   race makes one stacked validation pass; a single run a validation pass
 *   and then the 10,000-image test pass.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { LabPage, collectIssues } from '../e2e/support/browser.ts';

export const RACE_RATES = [0.001, 0.01, 0.1, 1] as const;
/** The single run compared with the race as a whole: the notebook's rate, in the middle of the preset. */
export const SINGLE_RATE = 0.01;
export const RACE_BATCH_SIZE = 64;
/** 3,200 images = 50 batches of 64 in the one epoch; ten times that on the SIMD engine, to time more than its set-up. */
const TRAIN_LIMIT = 3_200;
const TRAIN_LIMIT_OF: Record<string, number> = { simd: 32_000 };
/** The smallest validation set the page takes that still gives the evaluation something to do. */
const VALIDATION = 1_000;
const RUN_TIMEOUT_MS = 240_000;
/** Batches a warm-up run trains before it is stopped. */
const WARMUP_STEPS = 3;
const ROUNDS = 2;

export interface RunTiming {
  learningRates: number[];
  /** Worker active time over the epoch's batches, ms (see the header comment). */
  trainMs: number;
  /** Button press to done, ms. */
  wallMs: number;
  /** Batches trained (by every run of a race). */
  steps: number;
  /** How each run ended: finished, diverged, collapsed, stopped. */
  outcomes: string[];
}

/** One round's measurements. */
export interface RaceRound {
  race: RunTiming;
  single: RunTiming;
  /** One per rate of RACE_RATES, in that order. */
  singles: RunTiming[];
}

export interface RaceBenchFigures {
  backend: string;
  unavailable?: string;
  batches: number;
  batchSize: number;
  /** Each measurement's better round (by train time). */
  best?: RaceRound;
  rounds: RaceRound[];
}

/** The parts of the page's store (window.mnistLab) read here. */
interface PageStore {
  backend: { name: string; reason?: unknown } | null;
  engine: { engine: string } | null;
  run: { phase: string; progress: ProgressSnap | null; done: { reason: string } | null; error: unknown } | null;
  race: { phase: string; progress: ProgressSnap | null; runs: { status: string }[]; error: unknown } | null;
}
type LabWindow = Window & { mnistLab?: { getState(): PageStore } };

/** What the bench reads of the store; the loss histories stay in the page. */
interface Snapshot {
  backend: { name: string; reason?: unknown } | null;
  engine: { engine: string } | null;
  run: { phase: string; progress: ProgressSnap | null; reason: string | null; error: unknown } | null;
  race: { phase: string; progress: ProgressSnap | null; statuses: string[]; error: unknown } | null;
}
interface ProgressSnap {
  step: number;
  batch: number;
  samplesPerSec: number;
}

function snapshot(page: Page): Promise<Snapshot> {
  // No named functions inside: tsx would wrap them in a helper that the page does not have.
  return page.evaluate(() => {
    const lab = (window as LabWindow).mnistLab;
    if (!lab) throw new Error('window.mnistLab is missing');
    const s = lab.getState();
    return {
      backend: s.backend,
      engine: s.engine,
      run: s.run && { phase: s.run.phase, progress: s.run.progress, reason: s.run.done?.reason ?? null, error: s.run.error },
      race: s.race && { phase: s.race.phase, progress: s.race.progress, statuses: s.race.runs.map((r) => r.status), error: s.race.error },
    };
  });
}

/** Resolves once the single run (`'run'`) or the race has reached `until`; checked every 50 ms in the page. */
async function waitInPage(page: Page, what: 'run' | 'race', until: 'steps' | 'done', timeoutMs = RUN_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    ({ what, until, steps }) => {
      const s = (window as LabWindow).mnistLab!.getState();
      const x = what === 'run' ? s.run : s.race;
      if (!x) return false;
      if (x.phase === 'done') return true;
      return until === 'steps' && (x.progress?.step ?? 0) >= steps;
    },
    { what, until, steps: WARMUP_STEPS },
    { polling: 50, timeout: timeoutMs },
  );
}

/** Training time the worker counted: samples over its own samples/s, so both loops are read the same way. */
function trainMsOf(p: ProgressSnap | null): number {
  if (!p || p.samplesPerSec <= 0) return NaN;
  return (p.step * RACE_BATCH_SIZE * 1000) / p.samplesPerSec;
}

async function timeRace(lab: LabPage, rates: readonly number[]): Promise<RunTiming> {
  await lab.raceRates.fill(rates.join(', '));
  const t0 = Date.now();
  await lab.startRace.click();
  await waitInPage(lab.page, 'race', 'done');
  const wallMs = Date.now() - t0;
  const { race } = await snapshot(lab.page);
  if (race?.error) throw new Error(`race failed: ${JSON.stringify(race.error)}`);
  await lab.clearRace.click();
  return { learningRates: [...rates], trainMs: trainMsOf(race?.progress ?? null), wallMs, steps: race?.progress?.step ?? 0, outcomes: race?.statuses ?? [] };
}

async function timeSingle(lab: LabPage, rate: number): Promise<RunTiming> {
  await lab.configure({ learningRate: String(rate) });
  const t0 = Date.now();
  await lab.trainButton.click();
  await waitInPage(lab.page, 'run', 'done');
  const wallMs = Date.now() - t0;
  const { run } = await snapshot(lab.page);
  if (run?.error) throw new Error(`run at lr ${rate} failed: ${JSON.stringify(run.error)}`);
  await lab.resetButton.click();
  return { learningRates: [rate], trainMs: trainMsOf(run?.progress ?? null), wallMs, steps: run?.progress?.step ?? 0, outcomes: [run?.reason ?? 'unknown'] };
}

/** Presses a Stop button unless the job has already ended (on the SIMD engine a warm-up run may finish first). */
async function stopIfRunning(stop: Locator): Promise<void> {
  if (await stop.isEnabled()) await stop.click({ timeout: 5_000 }).catch(() => undefined);
}

/** Starts a run or a race, lets it train a few batches and stops it: compiles what the measured runs need. */
async function warmUp(lab: LabPage): Promise<void> {
  await lab.configure({ learningRate: String(SINGLE_RATE) });
  await lab.trainButton.click();
  await waitInPage(lab.page, 'run', 'steps');
  await stopIfRunning(lab.stopButton);
  await waitInPage(lab.page, 'run', 'done');
  await lab.resetButton.click();

  await lab.raceRates.fill(RACE_RATES.join(', '));
  await lab.startRace.click();
  await waitInPage(lab.page, 'race', 'steps');
  await stopIfRunning(lab.stopRace);
  await waitInPage(lab.page, 'race', 'done');
  await lab.clearRace.click();
}

/** `threads`: the page's `?threads=` (a comparison's threads), when given. */
export async function benchRace(browser: Browser, baseUrl: string, backend: string, threads?: number): Promise<RaceBenchFigures> {
  const trainLimit = TRAIN_LIMIT_OF[backend] ?? TRAIN_LIMIT;
  const figures: RaceBenchFigures = { backend, batches: trainLimit / RACE_BATCH_SIZE, batchSize: RACE_BATCH_SIZE, rounds: [] };
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const issues = collectIssues(page);
  try {
    await page.goto(new URL(`?backend=${backend}&trainLimit=${trainLimit}&validation=${VALIDATION}${threads ? `&threads=${threads}` : ''}`, baseUrl).href);
    const lab = new LabPage(page);
    await lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(() => (window as LabWindow).mnistLab?.getState().engine != null, undefined, { timeout: 60_000 });
    const got = (await snapshot(page)).engine;
    if (got?.engine !== backend) throw new Error(`fell back to ${got?.engine}`);

    await lab.configure({ epochs: '1', batchSize: String(RACE_BATCH_SIZE) });
    await warmUp(lab);
    for (let round = 0; round < ROUNDS; round++) {
      const singlesFirst = round % 2 === 1;
      let race = singlesFirst ? undefined : await timeRace(lab, RACE_RATES);
      const single = await timeSingle(lab, SINGLE_RATE);
      const singles: RunTiming[] = [];
      for (const rate of RACE_RATES) singles.push(await timeSingle(lab, rate));
      race ??= await timeRace(lab, RACE_RATES);
      figures.rounds.push({ race, single, singles });
    }
    const best = (ts: RunTiming[]) => ts.reduce((a, b) => (b.trainMs < a.trainMs ? b : a));
    const rs = figures.rounds;
    figures.best = {
      race: best(rs.map((r) => r.race)),
      single: best(rs.map((r) => r.single)),
      singles: RACE_RATES.map((_, i) => best(rs.map((r) => r.singles[i]))),
    };
  } catch (err) {
    figures.unavailable = err instanceof Error ? err.message : String(err);
  } finally {
    const uncaught = issues.filter((i) => i.kind === 'pageerror');
    if (uncaught.length > 0) console.error(`[bench] race ${backend}: uncaught page errors:\n${uncaught.map((i) => i.text).join('\n')}`);
    await context.close();
  }
  return figures;
}
