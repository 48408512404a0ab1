/**
 * `npm run bench`: how fast the lab trains in Chromium on this machine, per
 * engine (the WebAssembly SIMD engine, and tfjs on each backend). Serves the
 * built dist/ with `vite preview`, opens the page with
 * `?backend=simd|webgl|wasm|cpu`, sets the batch size through its labelled
 * field, presses Train, measures, presses Stop and Reset. Prints a table and
 * writes the same figures to bench-results/bench.json.
 *
 * Figures (all wall time in the page, ms unless named otherwise):
 * - ms/batch and samples/s: training steps over a window after warm-up, from
 *   `run.progress.step` deltas between the store's progress events, timed in
 *   the page; pairs spanning an epoch end (and its evaluation) are left out,
 *   so they are pure training throughput, wall time.
 * - store samples/s: the page's own `run.progress.samplesPerSec` at the end of
 *   the window (run average, pauses excluded), as a cross-check.
 * - data load: `run.dataLoadMs`, fetching and parsing the MNIST files.
 * - first loss: `run.firstLossAt - run.startedAt`, from pressing Train: for
 *   the first run as soon as the page shows Train (data and warm-up may
 *   still be loading), and again at batch 64 once the data is cached.
 * - frame gap: the longest gap between two requestAnimationFrame callbacks on
 *   the main thread during ~8 s of training at batch 64, charts included.
 * - heap: the page's main-thread JS heap (`performance.memory`), not the worker's.
 *
 * Then, for simd, webgl and wasm, a learning-rate race of four runs against
 * one single run and against four single runs in turn, for the same batches
 * (scripts/bench-race.ts says how each figure is measured).
 *
 * Then the automatic choice (scripts/bench-engines.ts): the page opened
 * without `?backend=`, which engine the worker's start-up probe picked, why,
 * and what the probe cost.
 *
 * Then augmentation's cost per batch of 64, in Node (scripts/bench-augment.ts),
 * set against the page's wasm step at batch 64.
 *
 * Last, a soak (scripts/bench-soak.ts): twenty short runs back to back in one
 * page per backend, printing the worker's tensor count and the page heap
 * after each, first and last.
 *
 * And the look inside (scripts/bench-inside.ts): the replay's memory per
 * epoch and its cap, a weight snapshot's cost in the worker and the page,
 * and scrubbing the Epoch slider, on wasm.
 *
 * `npm run bench -- --only=speed`, `--only=race`, `--only=augment`, `--only=soak`, `--only=inside` or `--only=frames`
 * runs one part; `--only=engines` the engines side by side: speed, race, frames and the automatic choice. `--backends=simd,wasm`
 * measures only those engines (`--only=engines --backends=none`: the automatic choice alone); `--threads=2` runs
 * the race on two threads (`?threads=2`) where the page would choose one; `--rounds=3` measures the speed part's
 * engines in turn three times over and prints the median of their ratios; `--compositor=swiftshader` launches Chromium
 * with SwiftShader as the GPU for the whole page instead of the software compositor (see bench-frames.ts) for every
 * part but frames.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LabPage, collectIssues } from '../e2e/support/browser.ts';
import { REPO_ROOT, freePort, startPreview } from '../e2e/support/server.ts';
import { COMPOSITORS, type FrameWindow, benchFrames, framesReport, launch } from './bench-frames.ts';
import { RACE_RATES, type RaceBenchFigures, SINGLE_RATE, benchRace } from './bench-race.ts';
import { augmentReport, benchAugment } from './bench-augment.ts';
import { type SoakFigures, benchSoak, soakReport } from './bench-soak.ts';
import { benchInside, insideReport } from './bench-inside.ts';
import { type AutoChoice, autoChoiceReport, benchAutoChoice } from './bench-engines.ts';

/**
 * Every engine, by its `?backend=` value: the SIMD engine and tfjs's three
 * backends; and `simd-2`, the SIMD engine with each step on two threads
 * (`?backend=simd&threads=2`: the page offers two threads from four cores up).
 */
const BACKENDS = ['simd', 'simd-2', 'webgl', 'wasm', 'cpu'] as const;
type Backend = (typeof BACKENDS)[number];
/** The page address's query for an engine of BACKENDS. */
const query = (backend: Backend): string => (backend === 'simd-2' ? '?backend=simd&threads=2' : `?backend=${backend}`);
/** The engine id and threads the worker reports for an engine of BACKENDS. */
const trainsOn = (backend: Backend): { engine: string; threads?: number } => (backend === 'simd-2' ? { engine: 'simd', threads: 2 } : { engine: backend });
const BATCH_SIZES = [64, 512] as const;
/** The race part runs on these; the cpu backend would take minutes per race. */
const RACE_BACKENDS: readonly Backend[] = ['simd', 'webgl', 'wasm'];
/** The soak runs on these: the page's default and the fast CPU path. */
const SOAK_BACKENDS: readonly Backend[] = ['webgl', 'wasm'];
/** The frames part runs on these; the cpu backend trains too slowly to matter here. */
const FRAME_BACKENDS: readonly Backend[] = ['simd', 'webgl', 'wasm'];

/** Wall time per backend is roughly: page and data load, then per batch size warm-up + window. */
const WARMUP_MS = 2_000;
const WINDOW_MS = { 64: 8_000, 512: 6_000 } as const;
const FIRST_LOSS_TIMEOUT_MS = 90_000;

interface StoreProgress {
  epoch: number;
  step: number;
  samplesPerSec: number;
}
interface StoreRun {
  phase: string;
  startedAt: number;
  firstLossAt: number | null;
  dataLoadMs: number | null;
  progress: StoreProgress | null;
  /** How it ended: the worker's code and numbers (app/runWords.ts words them on the page). */
  done: null | { reason: string };
  /** A problem code (app/workerWords.ts words it on the page). */
  error: unknown;
}
interface StoreState {
  backend: { name: Backend; reason?: unknown } | null;
  /** What trains (worker/engines.ts's report). */
  engine: { engine: string; threads: number } | null;
  run: StoreRun | null;
}

interface BatchFigures {
  /** Train pressed → first loss point on the page. */
  firstLossMs: number;
  /** The same, at batch 64 in a later run, the data cached. */
  cachedFirstLossMs?: number;
  msPerBatch: number;
  samplesPerSec: number;
  storeSamplesPerSec: number | null;
  steps: number;
}

interface BackendFigures {
  backend: Backend;
  unavailable?: string;
  batches: Partial<Record<(typeof BATCH_SIZES)[number], BatchFigures | { unavailable: string }>>;
  /** The run's own figure; see the header comment on why it is small. */
  dataLoadMs?: number | null;
  /** First request to last response of the four MNIST files, as the browser saw them. */
  mnistFetchMs?: number;
  frames?: FrameFigures;
  heapMB?: number;
}

/**
 * Times the MNIST downloads (the worker's requests count as the page's). The
 * worker starts them at page load to prefetch, so the run's own dataLoadMs
 * only sees the cached result.
 */
function watchMnistRequests(page: Page): { spanMs(): number | undefined } {
  let first: number | undefined;
  let last: number | undefined;
  page.on('request', (req) => {
    if (req.url().includes('/data/mnist/')) first ??= Date.now();
  });
  page.on('requestfinished', (req) => {
    if (req.url().includes('/data/mnist/')) last = Date.now();
  });
  return { spanMs: () => (first !== undefined && last !== undefined ? last - first : undefined) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readState(page: Page): Promise<StoreState> {
  return page.evaluate(() => {
    const lab = (window as unknown as { mnistLab?: { getState(): StoreState } }).mnistLab;
    if (!lab) throw new Error('window.mnistLab is missing');
    const s = lab.getState();
    // Only what the bench reads: the loss history can be long.
    const r = s.run;
    return {
      backend: s.backend,
      engine: s.engine,
      run: r && {
        phase: r.phase,
        startedAt: r.startedAt,
        firstLossAt: r.firstLossAt,
        dataLoadMs: r.dataLoadMs,
        progress: r.progress,
        done: r.done,
        error: r.error,
      },
    };
  });
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Why a run cannot be measured, from the store, if it ended or failed. */
function runFailure(run: StoreRun | null): string | undefined {
  if (run?.error) return JSON.stringify(run.error);
  if (run?.done) return `run ended: ${JSON.stringify(run.done)}`;
  return undefined;
}

interface FrameFigures {
  maxGapMs: number;
  frames: number;
  /** Longest main-thread task seen by a 'longtask' observer (only tasks over 50 ms are reported); 0 if none. */
  longestTaskMs: number;
}

/**
 * Frame gaps and long tasks on the main thread over `ms`, measured in the
 * page. A long gap with no long task means frames were late for another
 * reason (the GPU process, which is SwiftShader on the CPU here, starved of
 * cores), not page JavaScript. The page code is a string: tsx compiles named
 * functions with an `__name` helper that does not exist in the page.
 */
function frameGaps(page: Page, ms: number): Promise<FrameFigures> {
  return page.evaluate(`new Promise((resolve) => {
    let longestTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
    });
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    let last = start, maxGapMs = 0, frames = 0;
    requestAnimationFrame(function tick(t) {
      maxGapMs = Math.max(maxGapMs, t - last);
      last = t;
      frames++;
      if (t - start < ${ms}) return requestAnimationFrame(tick);
      for (const e of observer.takeRecords()) longestTaskMs = Math.max(longestTaskMs, e.duration);
      observer.disconnect();
      resolve({ maxGapMs, frames, longestTaskMs });
    });
  })`);
}

/**
 * Training throughput over `windowMs`, measured in the page: the store's
 * progress events timestamped as they arrive, summed over consecutive pairs
 * within one epoch. The worker sends progress every ~100 ms while it trains
 * and none while it evaluates an epoch; the first event of the next epoch
 * comes ~100 ms into it, so a pair that spans an epoch end (and so its
 * evaluation) is left out. Polling the store from here instead (every 200 ms
 * until 2026-11-30) counted the evaluation whenever a poll landed in it, still
 * reading the last epoch: on the SIMD engine, whose epoch is half a second,
 * that made a batch look 0.7 ms where the page's own events said 0.45, and
 * each poll cost the two cores a CDP round-trip. A string: tsx's `__name`
 * helper does not exist in the page.
 */
async function throughput(page: Page, batchSize: number, windowMs: number): Promise<Omit<BatchFigures, 'firstLossMs'>> {
  const { wall, steps } = (await page.evaluate(`new Promise((resolve) => {
    let prev = null, last = null, wall = 0, steps = 0;
    const unsubscribe = window.mnistLab.subscribe((s) => {
      const p = s.run?.progress;
      if (!p || p === last) return;
      last = p;
      const cur = { t: performance.now(), step: p.step, epoch: p.epoch, training: s.run.phase === 'training' };
      if (prev?.training && cur.training && prev.epoch === cur.epoch) {
        wall += cur.t - prev.t;
        steps += cur.step - prev.step;
      }
      prev = cur;
    });
    setTimeout(() => { unsubscribe(); resolve({ wall, steps }); }, ${windowMs});
  })`)) as { wall: number; steps: number };
  const { run } = await readState(page);
  const failure = runFailure(run);
  if (failure) throw new Error(failure);
  if (steps === 0) throw new Error(`no training step finished in ${windowMs} ms`);
  return {
    msPerBatch: wall / steps,
    samplesPerSec: (steps * batchSize * 1000) / wall,
    storeSamplesPerSec: run?.progress?.samplesPerSec ?? null,
    steps,
  };
}

async function stopAndReset(lab: LabPage): Promise<void> {
  if (await lab.stopButton.isEnabled().catch(() => false)) {
    await lab.stopButton.click();
    await waitFor('the run to stop', 60_000, async () => {
      const { run } = await readState(lab.page);
      return !run || run.done || run.error ? true : undefined;
    });
  }
  if (await lab.resetButton.isEnabled().catch(() => false)) await lab.resetButton.click();
  await waitFor('Train to be enabled after Reset', 30_000, async () => ((await lab.trainButton.isEnabled()) ? true : undefined));
}

/** Train → first loss point of a fresh run at `batchSize` (the data cached by the runs before), then Stop and Reset. */
async function cachedFirstLoss(lab: LabPage, batchSize: number): Promise<number> {
  try {
    await lab.configure({ batchSize: String(batchSize), epochs: '1' });
    await lab.trainButton.click();
    const run = await waitFor('the first loss point', FIRST_LOSS_TIMEOUT_MS, async () => {
      const s = await readState(lab.page);
      const failure = runFailure(s.run);
      if (failure) throw new Error(failure);
      return s.run?.firstLossAt != null ? s.run : undefined;
    });
    return run.firstLossAt! - run.startedAt;
  } finally {
    await stopAndReset(lab).catch(() => undefined);
  }
}

async function benchBackend(browser: Browser, baseUrl: string, backend: Backend): Promise<BackendFigures> {
  const figures: BackendFigures = { backend, batches: {} };
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const issues = collectIssues(page);
  const mnist = watchMnistRequests(page);
  try {
    await page.goto(new URL(query(backend), baseUrl).href);
    const lab = new LabPage(page);
    await lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });

    for (const batchSize of BATCH_SIZES) {
      try {
        await lab.configure({ batchSize: String(batchSize), epochs: '50' });
        await lab.trainButton.click();
        const run = await waitFor('the first loss point', FIRST_LOSS_TIMEOUT_MS, async () => {
          const s = await readState(page);
          const failure = runFailure(s.run);
          if (failure) throw new Error(failure);
          return s.run?.firstLossAt != null ? s.run : undefined;
        });
        // A forced engine that could not start falls back; the page says which and why.
        const { engine: got } = await readState(page);
        const wanted = trainsOn(backend);
        if (got && (got.engine !== wanted.engine || (wanted.threads !== undefined && got.threads !== wanted.threads))) {
          const shown = await page
            .getByText(/Backend:/)
            .first()
            .textContent()
            .catch(() => null);
          // The page's own words for why (the store keeps a code).
          throw Object.assign(new Error(shown ?? `fell back to ${got.engine}`), { fellBack: true });
        }
        const firstLossMs = run.firstLossAt! - run.startedAt;
        if (batchSize === BATCH_SIZES[0]) {
          figures.dataLoadMs = run.dataLoadMs;
          figures.mnistFetchMs = mnist.spanMs();
        }
        await sleep(WARMUP_MS);
        if (batchSize === 64) {
          const [speed, frames] = await Promise.all([throughput(page, batchSize, WINDOW_MS[64]), frameGaps(page, WINDOW_MS[64])]);
          figures.batches[batchSize] = { firstLossMs, ...speed };
          figures.frames = frames;
          figures.heapMB = await page.evaluate(
            () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20,
          );
        } else {
          figures.batches[batchSize] = { firstLossMs, ...(await throughput(page, batchSize, WINDOW_MS[batchSize])) };
        }
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        if ((err as { fellBack?: boolean }).fellBack) {
          figures.unavailable = reason;
          return figures;
        }
        figures.batches[batchSize] = { unavailable: reason };
      } finally {
        await stopAndReset(lab).catch(() => undefined);
      }
    }
    const at64 = figures.batches[64];
    if (at64 && 'msPerBatch' in at64) at64.cachedFirstLossMs = await cachedFirstLoss(lab, 64).catch(() => undefined);
    return figures;
  } catch (err) {
    figures.unavailable = err instanceof Error ? err.message : String(err);
    return figures;
  } finally {
    const uncaught = issues.filter((i) => i.kind === 'pageerror');
    if (uncaught.length > 0) console.error(`[bench] ${backend}: uncaught page errors:\n${uncaught.map((i) => i.text).join('\n')}`);
    await context.close();
  }
}

const fmt = (v: number | null | undefined, digits = 0) =>
  v == null || !Number.isFinite(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function report(results: BackendFigures[]): string {
  const head = [
    'backend',
    'ms/batch@64',
    'samples/s@64',
    'ms/batch@512',
    'samples/s@512',
    'Train→loss@64',
    'Train→loss@512',
    'Train→loss cached@64',
    'MNIST fetch',
    'run dataLoadMs',
    'max frame gap',
    'longest task',
    'heap MB',
  ];
  const rows = [head];
  const notes: string[] = [];
  for (const r of results) {
    if (r.unavailable) {
      rows.push([r.backend, ...head.slice(1).map(() => '–')]);
      notes.push(`${r.backend}: unavailable: ${r.unavailable}`);
      continue;
    }
    const speed: string[] = [];
    const firstLoss: string[] = [];
    for (const b of BATCH_SIZES) {
      const f = r.batches[b];
      if (!f || 'unavailable' in f) {
        speed.push('–', '–');
        firstLoss.push('–');
        notes.push(`${r.backend} @${b}: unavailable: ${f ? f.unavailable : 'not measured'}`);
      } else {
        speed.push(fmt(f.msPerBatch, 1), fmt(f.samplesPerSec));
        firstLoss.push(fmt(f.firstLossMs));
        notes.push(`${r.backend} @${b}: ${f.steps} steps measured; the page's own samples/s (run average) ${fmt(f.storeSamplesPerSec)}`);
      }
    }
    const at64 = r.batches[64];
    rows.push([
      r.backend,
      ...speed,
      ...firstLoss,
      fmt(at64 && 'cachedFirstLossMs' in at64 ? at64.cachedFirstLossMs : undefined),
      fmt(r.mnistFetchMs),
      fmt(r.dataLoadMs),
      fmt(r.frames?.maxGapMs),
      fmt(r.frames?.longestTaskMs),
      fmt(r.heapMB, 1),
    ]);
  }
  const ratios = BATCH_SIZES.map((b) => {
    const rate = (r: BackendFigures | undefined) => {
      const f = r?.batches[b];
      return f && 'samplesPerSec' in f ? f.samplesPerSec : undefined;
    };
    const simd = rate(results.find((r) => r.backend === 'simd'));
    const others = results.filter((r) => r.backend !== 'simd' && rate(r) !== undefined);
    return simd === undefined || others.length === 0
      ? ''
      : `simd @${b}: ${others.map((r) => `${fmt(simd / rate(r)!, 1)}× ${r.backend}`).join(', ')} (samples/s, same run)`;
  }).filter(Boolean);
  notes.unshift(...ratios);
  const legend = [
    'Times in ms. ms/batch and samples/s: training steps only (intervals with an epoch end or evaluation left out).',
    'Train→loss@64: the first run, Train pressed as soon as the page shows it (any data prefetch or shader warm-up',
    '  still in flight is included); @512: a later run, data cached, programs for the new batch shape compiled on the way.',
    'MNIST fetch: first request to last response of the four IDX files (worker prefetch at page load).',
    'Train→loss cached@64: a third run at batch 64, the data cached and the programs compiled.',
    "run dataLoadMs: the store's figure; it starts after the prefetch, so it only sees the cache.",
    'max frame gap / longest task: main thread over 8 s of training at batch 64 (long tasks are those over 50 ms; 0 = none).',
    "heap MB: the page's main-thread JS heap after that window (the worker's heap is separate).",
  ];
  return `${table(rows)}\n\n${legend.join('\n')}\n\n${notes.join('\n')}`;
}

/** The SIMD engine's speed against each other engine's, round by round (each round measured them in turn), and the median. */
function roundsReport(rounds: BackendFigures[][]): string {
  const rate = (r: BackendFigures | undefined, b: (typeof BATCH_SIZES)[number]) => {
    const f = r?.batches[b];
    return f && 'samplesPerSec' in f ? f.samplesPerSec : undefined;
  };
  const lines: string[] = [];
  for (const b of BATCH_SIZES) {
    for (const other of rounds[0].filter((r) => r.backend !== 'simd')) {
      const ratios = rounds
        .map((results) => {
          const simd = rate(
            results.find((r) => r.backend === 'simd'),
            b,
          );
          const them = rate(
            results.find((r) => r.backend === other.backend),
            b,
          );
          return simd !== undefined && them !== undefined ? simd / them : undefined;
        })
        .filter((x): x is number => x !== undefined);
      if (ratios.length === 0) continue;
      const sorted = ratios.slice().sort((x, y) => x - y);
      const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      lines.push(
        `simd @${b} against ${other.backend}, ${ratios.length} rounds: median ${fmt(median, 2)}× (rounds: ${ratios.map((x) => `${fmt(x, 2)}×`).join(', ')})`,
      );
    }
  }
  const perRound = rounds.map(
    (results, i) =>
      `round ${i + 1}: ${results.map((r) => `${r.backend} ${BATCH_SIZES.map((b) => `${fmt(rate(r, b))}@${b}`).join(' ')}`).join(' · ')} samples/s`,
  );
  return [...lines, ...perRound].join('\n');
}

/** Race / single ratios per backend, by training time and by wall time. */
function raceReport(results: RaceBenchFigures[]): string {
  const s = (ms: number | undefined) => fmt(ms === undefined ? undefined : ms / 1000, 2);
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : fmt(a / b, 2));
  const sum = (ts: { trainMs: number; wallMs: number }[] | undefined, k: 'trainMs' | 'wallMs') => (ts?.length ? ts.reduce((a, t) => a + t[k], 0) : undefined);
  const head = ['backend', 'figure', 'race (4 runs)', `1 single (lr ${SINGLE_RATE})`, '4 singles', 'race / single', 'race / 4 singles'];
  const rows = [head];
  const notes: string[] = [];
  for (const r of results) {
    const b = r.best;
    if (r.unavailable || !b) {
      rows.push([r.backend, '–', ...head.slice(2).map(() => '–')]);
      notes.push(`race ${r.backend}: unavailable: ${r.unavailable ?? 'not measured'}`);
      continue;
    }
    for (const k of ['trainMs', 'wallMs'] as const) {
      const race = b.race[k];
      const one = b.single[k];
      const four = sum(b.singles, k);
      rows.push([r.backend, k === 'trainMs' ? 'train s' : 'wall s', s(race), s(one), s(four), ratio(race, one), ratio(race, four)]);
    }
    const steps = r.rounds.flatMap((round) => [round.race, round.single, ...round.singles]).map((t) => t.steps);
    if (steps.some((n) => n !== r.batches)) notes.push(`race ${r.backend}: not every run trained ${r.batches} batches: ${steps.join(', ')}`);
    notes.push(
      `race ${r.backend}: race ended ${b.race.outcomes.map((o, i) => `${b.race.learningRates[i]} ${o}`).join(', ')}; ` +
        `singles ${b.singles.map((t) => `${t.learningRates[0]} ${t.outcomes[0]}`).join(', ')}`,
    );
    r.rounds.forEach((round, i) => {
      const train = [round.race, round.single, ...round.singles].map((t) => s(t.trainMs)).join(' / ');
      notes.push(`race ${r.backend} round ${i + 1}${i % 2 ? ' (singles first)' : ''}: train s ${train} (race / single / four singles)`);
    });
  }
  const legend = [
    `Race: ${RACE_RATES.join(', ')} stacked in one engine; singles: the same rates as separate runs. Each run: 1 epoch of ${results.map((r) => `${r.batches} (${r.backend})`).join(', ')} batches of ${results[0]?.batchSize ?? 64}, momentum 0.5.`,
    "train s: the worker's active-time counter (batch building, training steps, loss readbacks; no evaluation), the same in both loops.",
    'wall s: button pressed → done, including engine set-up and evaluation: a race makes one stacked validation pass (1,000 images),',
    '  a single run a 1,000-image validation pass and then the 10,000-image test pass, so wall time favours the race.',
    'Programs were compiled by a short warm-up race and run first. Two rounds, the second singles first; each figure is its better round.',
  ];
  return `${table(rows)}\n\n${legend.join('\n')}\n\n${notes.join('\n')}`;
}

/** The value of a `--name=value` argument, if given. */
const flag = (prefix: string): string | undefined =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(prefix))
    ?.slice(prefix.length);

async function main(): Promise<void> {
  const started = Date.now();
  const server = await startPreview(await freePort());
  // `--compositor=swiftshader`: every part but frames (which launches both) with SwiftShader as the page's GPU.
  const compositor = flag('--compositor=') === 'swiftshader' ? 'swiftshader' : 'software';
  const browser = await launch(compositor);
  try {
    const cpus = os.cpus();
    const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.release()}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB`;
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    const header = [
      `machine:  ${machine}`,
      `chromium: ${browser.version()} (WebGL via ANGLE/SwiftShader: no GPU is used; page composited ${compositor === 'software' ? 'in software, as without a usable GPU' : 'through SwiftShader as its GPU'})`,
      `node:     ${process.version}`,
      // Other work on a shared machine slows every figure; the load says how much there was.
      `load:     ${load()} (1, 5, 15 min) at the start`,
    ];
    console.log(header.join('\n'));

    const only = /^--only=(speed|race|augment|soak|inside|engines|frames)$/.exec(process.argv.slice(2).find((a) => a.startsWith('--only=')) ?? '')?.[1];
    // `engines`: every engine's speed and race side by side, and the automatic choice.
    const part = (name: string) => only === undefined || only === name || (only === 'engines' && (name === 'speed' || name === 'race' || name === 'frames'));
    // `--backends=simd,wasm`: only these engines (speed, race and soak).
    const chosen = process.argv
      .find((a) => a.startsWith('--backends='))
      ?.slice('--backends='.length)
      .split(',');
    const pick = <T extends string>(list: readonly T[]): readonly T[] => (chosen ? list.filter((b) => chosen.includes(b)) : list);
    // `--rounds=3`: the speed part's engines measured in turn, three times over. On a shared machine the speed
    // drifts by tens of percent from minute to minute; the median of alternating rounds' ratios is what stands.
    const rounds = Math.max(1, Number(flag('--rounds=')) || 1);
    const speedRounds: BackendFigures[][] = [];
    for (let round = 1; round <= (part('speed') ? rounds : 0); round++) {
      const results: BackendFigures[] = [];
      for (const backend of pick(BACKENDS)) {
        const t0 = Date.now();
        process.stdout.write(`\n[bench] ${backend}${rounds > 1 ? ` (round ${round} of ${rounds})` : ''} … `);
        const r = await benchBackend(browser, server.url, backend);
        process.stdout.write(`${r.unavailable ? `unavailable (${r.unavailable})` : 'done'} in ${fmt((Date.now() - t0) / 1000, 1)} s\n`);
        results.push(r);
      }
      speedRounds.push(results);
    }
    const results = speedRounds[0] ?? [];
    // `--threads=2`: the race on two threads (the page's `?threads=`), where the page would pick one here.
    const raceThreads = Number(flag('--threads=')) || undefined;
    const race: RaceBenchFigures[] = [];
    for (const backend of part('race') ? pick(RACE_BACKENDS) : []) {
      const t0 = Date.now();
      process.stdout.write(`\n[bench] race ${backend} … `);
      const r = await benchRace(browser, server.url, backend, raceThreads);
      process.stdout.write(`${r.unavailable ? `unavailable (${r.unavailable})` : 'done'} in ${fmt((Date.now() - t0) / 1000, 1)} s\n`);
      race.push(r);
    }
    const soak: SoakFigures[] = [];
    for (const backend of part('soak') ? pick(SOAK_BACKENDS) : []) {
      const t0 = Date.now();
      process.stdout.write(`\n[bench] soak ${backend} … `);
      const r = await benchSoak(browser, server.url, backend);
      process.stdout.write(`${r.unavailable ? `unavailable (${r.unavailable})` : 'done'} in ${fmt((Date.now() - t0) / 1000, 1)} s\n`);
      soak.push(r);
    }

    const frames: FrameWindow[] = [];
    for (const backend of part('frames') ? pick(FRAME_BACKENDS) : []) {
      for (const compositor of COMPOSITORS) {
        const t0 = Date.now();
        process.stdout.write(`\n[bench] frames ${backend}, ${compositor} … `);
        const r = await benchFrames(server.url, backend, compositor);
        process.stdout.write(`${r.unavailable ? `unavailable (${r.unavailable.split('\n')[0]})` : 'done'} in ${fmt((Date.now() - t0) / 1000, 1)} s\n`);
        frames.push(r);
      }
    }

    let inside = null;
    if (part('inside')) {
      const t0 = Date.now();
      process.stdout.write('\n[bench] inside the network (wasm) … ');
      inside = await benchInside(browser, server.url);
      process.stdout.write(`${inside.unavailable ? `unavailable (${inside.unavailable})` : 'done'} in ${fmt((Date.now() - t0) / 1000, 1)} s\n`);
    }

    const auto: AutoChoice[] = [];
    if (part('engines')) {
      process.stdout.write('\n[bench] automatic choice … ');
      for (let i = 0; i < 3; i++) auto.push(await benchAutoChoice(browser, server.url));
      process.stdout.write('done\n');
    }

    const augment = part('augment') ? await benchAugment() : null;
    const wasm = results.find((r) => r.backend === 'wasm')?.batches[64];
    const wasmStep = wasm && 'msPerBatch' in wasm ? wasm.msPerBatch : undefined;
    const text = [
      results.length ? report(results) : '',
      speedRounds.length > 1 ? roundsReport(speedRounds) : '',
      race.length ? raceReport(race) : '',
      auto.length ? autoChoiceReport(auto) : '',
      augment ? augmentReport(augment, wasmStep, "the page's wasm step") : '',
      frames.length ? framesReport(frames) : '',
      soak.length ? soakReport(soak) : '',
      inside ? insideReport(inside) : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    console.log(`\n${text}\n\ntotal ${fmt((Date.now() - started) / 1000, 1)} s; load at the end ${load()}`);
    const dir = path.join(REPO_ROOT, 'bench-results');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'bench.json'),
      `${JSON.stringify({ machine, chromium: browser.version(), date: new Date().toISOString(), results, speedRounds, race, auto, augment, frames, soak, inside }, null, 2)}\n`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
