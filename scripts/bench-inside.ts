/**
 * The look inside's part of `npm run bench` (`--only=inside`): one run of the
 * preset on wasm (`?backend=wasm&trainLimit=10000`, 3 epochs, the 10,000
 * validation images), with a drawing on the pad, and then a drag of the
 * Epoch slider. It reads from the page's store:
 * - the replay's memory: bytes per epoch kept and the cap, and what one
 *   epoch's evaluation costs the page to keep (the slider replays those);
 * - the weight snapshot's cost in the worker (readback + tiles, each live
 *   snapshot's `ms`) and the page's cost of painting the 128 tiles;
 * - what re-evaluating an epoch would cost instead of keeping its
 *   evaluation: an epoch's wall time (between two epoch events) minus its
 *   training time, i.e. its validation pass;
 * - scrubbing: the round trip from a slider position to its tiles on the
 *   page, and the longest frame gap and main-thread task while the slider is
 *   dragged through every epoch and back (a position every 30 ms).
 */
import type { Browser, Page } from 'playwright-core';
import { LabPage, collectIssues } from '../e2e/support/browser.ts';

const QUERY = '?backend=wasm&trainLimit=10000';
const EPOCHS = 3;
const RUN_TIMEOUT_MS = 300_000;

export interface InsideFigures {
  unavailable?: string;
  bytesPerEpoch: number;
  capBytes: number;
  epochsKept: number[];
  /** Bytes of one epoch's kept evaluation (confusion matrix, AUCs, thinned ROC curves). */
  evaluationBytes: number;
  /** Worker ms per weight snapshot (getParams readback + transposing W₁ into tiles), each one seen. */
  snapshotMs: number[];
  /** The run's own training speed, ms per batch of 64 (from its samples per second), to set the snapshot's cost against. */
  msPerBatch: number;
  /** Page ms to paint the tiles, each paint seen. */
  paintMs: number[];
  /** Per epoch after the first: wall ms between epoch events minus the epoch's training ms (its validation pass). */
  evaluationMs: number[];
  /** Slider position → its tiles on the page, ms (median of the positions timed). */
  replayRoundTripMs: number;
  /** While dragging through every epoch and back for 3 s. */
  scrub: Frames;
  /** The same 3 s with the slider left alone, for scale: what this machine's page does anyway. */
  still: Frames;
}

interface Frames {
  maxGapMs: number;
  longestTaskMs: number;
  frames: number;
}

interface Sample {
  epochs: { epoch: number; trainMs: number; bytes: number }[];
  done: boolean;
  error: string | null;
  snapshot: { epoch: number | null; ms: number } | null;
  kept: { bytesPerEpoch: number; capBytes: number; epochs: number[] } | null;
  paintMs: number | null;
  samplesPerSec: number | null;
}

/** The figures of the moment, from the store and the tiles' canvas; page code as a string (tsx's __name helper does not exist in the page). */
function sample(page: Page): Promise<Sample> {
  return page.evaluate(`(() => {
    const s = window.mnistLab.getState();
    const canvas = document.querySelector('canvas.inside__tiles');
    const paint = canvas ? canvas.getAttribute('data-paint-ms') : null;
    return {
      epochs: (s.run ? s.run.epochs : []).map((e) => ({
        epoch: e.epoch,
        trainMs: e.trainMs,
        bytes: Object.values(e.validation).reduce((n, x) => n + (ArrayBuffer.isView(x) ? x.byteLength : 0), 0),
      })),
      done: !!(s.run && s.run.done),
      error: s.run ? s.run.error : null,
      snapshot: s.liveWeights ? { epoch: s.liveWeights.epoch, ms: s.liveWeights.ms } : null,
      kept: s.replayKept ? { bytesPerEpoch: s.replayKept.bytesPerEpoch, capBytes: s.replayKept.capBytes, epochs: s.replayKept.epochs } : null,
      paintMs: paint ? Number(paint) : null,
      samplesPerSec: s.run && s.run.progress ? s.run.progress.samplesPerSec : null,
    };
  })()`);
}

/**
 * Times frames for 3 s while (`moving`) the slider is dragged over `epochs`
 * and back by input events on it, a position every 30 ms; page code
 * as a string (tsx's __name helper does not exist in the page).
 */
function scrub(page: Page, epochs: number, moving: boolean): Promise<Frames> {
  return page.evaluate(`new Promise((resolve) => {
    const lab = window.mnistLab.getState();
    const positions = [];
    for (let e = ${epochs} - 1; e >= 1; e--) positions.push(e);
    for (let e = 2; e <= ${epochs}; e++) positions.push(e === ${epochs} ? null : e);
    let longestTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
    });
    observer.observe({ type: 'longtask' });
    let i = 0;
    // As a drag does: the slider's own input events, at 30 ms intervals.
    const slider = document.querySelector('input.replay__slider');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const mover = ${moving} && setInterval(() => {
      const e = positions[i % positions.length];
      setValue.call(slider, String(e === null ? ${epochs} : e));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      i++;
    }, 30);
    const start = performance.now();
    let last = start, maxGapMs = 0, frames = 0;
    requestAnimationFrame(function tick(t) {
      maxGapMs = Math.max(maxGapMs, t - last);
      last = t;
      frames++;
      if (t - start < 3000) return requestAnimationFrame(tick);
      if (mover) clearInterval(mover);
      lab.setReplayEpoch(null);
      for (const e of observer.takeRecords()) longestTaskMs = Math.max(longestTaskMs, e.duration);
      observer.disconnect();
      resolve({ maxGapMs, frames, longestTaskMs });
    });
  })`);
}

/** From a resting slider to the asked epoch's tiles on the page, ms. */
function roundTrip(page: Page, epoch: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    window.mnistLab.getState().setReplayEpoch(${epoch});
    const check = () => {
      const r = window.mnistLab.getState().replayWeights;
      if (r && r.asked === ${epoch}) return resolve(performance.now() - t0);
      requestAnimationFrame(check);
    };
    check();
  })`);
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? Number.NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchInside(browser: Browser, baseUrl: string): Promise<InsideFigures> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  collectIssues(page);
  try {
    await page.goto(new URL(QUERY, baseUrl).href);
    const lab = new LabPage(page);
    await lab.trainButton.waitFor({ state: 'visible', timeout: 60_000 });
    await lab.configure({ epochs: String(EPOCHS) });
    // A drawing first (drawing takes a while on a busy machine), so every epoch also looks at it and the scrub replays it.
    await lab.draw([Array.from({ length: 31 }, (_, i) => ({ x: 0.52 - (0.04 * i) / 30, y: 0.15 + (0.7 * i) / 30 }))]);
    await lab.trainButton.click();

    const snapshots = new Map<string, number>();
    const paints: number[] = [];
    const epochSeenAt = new Map<number, number>();
    let last: Sample | null = null;
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const s = await sample(page);
      if (s.error) return empty(s.error);
      if (s.snapshot) snapshots.set(`${s.snapshot.epoch}|${s.snapshot.ms}`, s.snapshot.ms);
      if (s.paintMs !== null && s.paintMs !== paints.at(-1)) paints.push(s.paintMs);
      for (const e of s.epochs) if (!epochSeenAt.has(e.epoch)) epochSeenAt.set(e.epoch, Date.now());
      last = s;
      if (s.done) break;
      await sleep(50);
    }
    if (!last?.done || !last.kept) return empty('the run did not finish in time');

    const evaluationMs = last.epochs.slice(1).map((e) => epochSeenAt.get(e.epoch)! - epochSeenAt.get(e.epoch - 1)! - e.trainMs);
    const trips: number[] = [];
    for (const epoch of [1, 2, 1, 2, 1]) {
      trips.push(await roundTrip(page, epoch));
      await sleep(100);
    }
    await page.evaluate('window.mnistLab.getState().setReplayEpoch(null)');
    await page.locator('section.replay').scrollIntoViewIfNeeded();
    const still = await scrub(page, EPOCHS, false);
    const scrubbed = await scrub(page, EPOCHS, true);
    return {
      bytesPerEpoch: last.kept.bytesPerEpoch,
      capBytes: last.kept.capBytes,
      epochsKept: last.kept.epochs,
      evaluationBytes: last.epochs[0]?.bytes ?? Number.NaN,
      snapshotMs: [...snapshots.values()],
      msPerBatch: last.samplesPerSec ? (64 * 1000) / last.samplesPerSec : Number.NaN,
      paintMs: paints,
      evaluationMs,
      replayRoundTripMs: median(trips),
      scrub: scrubbed,
      still,
    };
  } finally {
    await context.close();
  }
}

function empty(why: string): InsideFigures {
  return {
    unavailable: why,
    bytesPerEpoch: Number.NaN,
    capBytes: Number.NaN,
    epochsKept: [],
    evaluationBytes: Number.NaN,
    snapshotMs: [],
    msPerBatch: Number.NaN,
    paintMs: [],
    evaluationMs: [],
    replayRoundTripMs: Number.NaN,
    scrub: { maxGapMs: Number.NaN, longestTaskMs: Number.NaN, frames: 0 },
    still: { maxGapMs: Number.NaN, longestTaskMs: Number.NaN, frames: 0 },
  };
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const kb = (bytes: number) => `${f(bytes / 1024, 1)} KB`;
const mb = (bytes: number) => `${f(bytes / 2 ** 20, 2)} MB`;

export function insideReport(r: InsideFigures): string {
  if (r.unavailable) return `Inside the network: not measured (${r.unavailable})`;
  const snap = r.snapshotMs;
  const lines = [
    `Inside the network (wasm, ${QUERY.slice(1)}, ${EPOCHS} epochs, a drawing on the pad)`,
    `  replay memory:     ${mb(r.bytesPerEpoch)} of weights an epoch (${r.bytesPerEpoch.toLocaleString('en')} bytes), cap ${mb(r.capBytes)}: ${Math.floor(r.capBytes / r.bytesPerEpoch)} epochs before thinning; kept: ${r.epochsKept.join(', ')}`,
    `  kept evaluation:   ${kb(r.evaluationBytes)} an epoch (already on the page for the charts; replaying it costs no worker time)`,
    `  re-evaluating:     ${r.evaluationMs.map((m) => f(m, 0)).join(', ')} ms an epoch of worker time instead (epoch wall time − training time)`,
    `  weight snapshot:   worker ms (readback + tiles) median ${f(median(snap), 2)}, max ${f(Math.max(...snap), 2)} over ${snap.length} snapshots, ≤ 1 a second while training: ~${f(median(snap) / 10, 1)}% of the worker's time; a training batch of 64 took ${f(r.msPerBatch, 1)} ms in the same run`,
    `  tile painting:     page ms median ${f(median(r.paintMs), 2)}, max ${f(Math.max(...r.paintMs), 2)} over ${r.paintMs.length} paints`,
    `  replay round trip: ${f(r.replayRoundTripMs, 0)} ms from a slider position to its tiles on the page (median of 5)`,
    `  scrubbing 3 s:     longest frame gap ${f(r.scrub.maxGapMs, 0)} ms, longest task ${f(r.scrub.longestTaskMs, 0)} ms, ${r.scrub.frames} frames`,
    `  left alone 3 s:    longest frame gap ${f(r.still.maxGapMs, 0)} ms, longest task ${f(r.still.longestTaskMs, 0)} ms, ${r.still.frames} frames (this machine's page at rest, for scale)`,
  ];
  return lines.join('\n');
}
