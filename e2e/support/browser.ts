/**
 * Chromium for the e2e tests and the bench, and a page object for the lab.
 * playwright-core drives Debian's /usr/bin/chromium (scripts/ensure-chromium.sh
 * installs it); `playwright install` cannot download browsers here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { E2E_PORT, REPO_ROOT } from './server.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless Chromium as it runs on a machine without a usable GPU: the page
 * rastered and composited in software, WebGL 2 through ANGLE on SwiftShader
 * (a CPU Vulkan driver bundled with Chromium) as the WebGL fallback
 * (`--use-angle=swiftshader-webgl`; chrome://gpu then reads "Compositing:
 * Software only" and "WebGL: Software only"), so the worker's real WebGL
 * backend runs here. `--use-angle=swiftshader` would instead make SwiftShader
 * pose as a GPU for everything: every frame of the page composited through
 * it on the two cores the worker trains on, which no student's Chrome does
 * (bench-frames.ts measures both). `--enable-unsafe-swiftshader` is the opt-in
 * that Chromium 139+ asks for the fallback.
 * No --disable-gpu: WebGL would then depend on Chromium's fallback rules.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader-webgl',
  '--enable-unsafe-swiftshader',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

export interface PageIssue {
  kind: 'pageerror' | 'console';
  text: string;
}

/** Uncaught errors and console.error lines, in the order they happened. */
export function collectIssues(page: Page): PageIssue[] {
  const issues: PageIssue[] = [];
  page.on('pageerror', (err) => issues.push({ kind: 'pageerror', text: err.stack ?? String(err) }));
  page.on('console', (msg) => {
    if (msg.type() === 'error') issues.push({ kind: 'console', text: msg.text() });
  });
  return issues;
}

export interface OpenLab {
  browser: Browser;
  page: Page;
  lab: LabPage;
  issues: PageIssue[];
  close(): Promise<void>;
}

export interface OpenOptions {
  baseUrl?: string;
  /** Runs in the page before its own scripts, on every load (e.g. to take IndexedDB away). */
  initScript?: () => void;
  /**
   * Whether the page may install its service worker. Off by default: each test's
   * fresh browser would otherwise precache the shell and store 11.0 MB of data
   * for nothing; the offline test turns it on.
   */
  serviceWorkers?: boolean;
  /** What shows the page is ready; the English Train button by default (a page in another language passes its own). */
  readyWhen?: (page: Page) => Locator;
}

/**
 * Opens the lab at `baseUrl` + `query` (e.g. '?trainLimit=5000') in a fresh
 * browser with animations off, and waits for the settings form. The e2e
 * tests pass the URL their global setup provides; the default is its port.
 */
export async function openLab(
  query = '',
  { baseUrl = `http://127.0.0.1:${E2E_PORT}/`, initScript, readyWhen, serviceWorkers = false }: OpenOptions = {},
): Promise<OpenLab> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      reducedMotion: 'reduce',
      viewport: { width: 1280, height: 900 },
      serviceWorkers: serviceWorkers ? 'allow' : 'block',
    });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    const issues = collectIssues(page);
    await page.goto(new URL(query, baseUrl).href);
    const lab = new LabPage(page);
    await (readyWhen?.(page) ?? lab.trainButton).waitFor({ state: 'visible', timeout: 30_000 });
    return { browser, page, lab, issues, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * After a failed test: a full-page screenshot and the store summary under
 * test-results/e2e/, and both on stderr, so a CI log says what the page showed.
 */
export async function recordFailure(s: OpenLab, testName: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'test-results', 'e2e');
  const name = testName.replace(/[^\w-]+/g, '-').slice(0, 80);
  await mkdir(dir, { recursive: true });
  await s.page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
  const state = await s.lab.describeState();
  await writeFile(path.join(dir, `${name}.txt`), `${state}\n\n${s.issues.map((i) => `${i.kind}: ${i.text}`).join('\n')}\n`);
  console.error(`[e2e] ${testName}\n  state: ${state}\n  issues: ${JSON.stringify(s.issues, null, 2)}`);
}

/** Uncaught page errors among `issues` (console.error lines are left to the tests that care). */
export function uncaughtErrors(issues: readonly PageIssue[]): string[] {
  return issues.filter((i) => i.kind === 'pageerror').map((i) => i.text);
}

/** A point on the drawing pad in pad units: 0..1 across and down, as the app records strokes. */
export interface PadPoint {
  x: number;
  y: number;
}

/** `n` + 1 evenly spaced points from `a` to `b`, both included. */
export function line(a: PadPoint, b: PadPoint, n = 30): PadPoint[] {
  return Array.from({ length: n + 1 }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n }));
}

/** A closed ellipse of `n` segments, starting and ending at its top, drawn anticlockwise as most people draw a 0. */
export function ellipse(cx: number, cy: number, rx: number, ry: number, n = 40): PadPoint[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return { x: cx - rx * Math.sin(a), y: cy - ry * Math.cos(a) };
  });
}

/**
 * Digits as a student draws them on the pad: a 1 as a near-vertical line over
 * 70% of the height, a 0 as an ellipse 50% wide and 70% high.
 */
export const DIGIT_STROKES = {
  one: [line({ x: 0.52, y: 0.15 }, { x: 0.48, y: 0.85 })],
  zero: [ellipse(0.5, 0.5, 0.25, 0.35)],
} as const satisfies Record<string, readonly PadPoint[][]>;

export interface LossPointCounts {
  training: number;
  validation: number;
}

/** The loss chart's name: "Loss curves: 1,240 training points, 1 validation point" (counts grouped as English writes them). */
const CHART_NAME = /Loss curves: ([\d,]+) training points?, ([\d,]+) validation points?/;

/** The race chart's name: "Race: 4 runs, 120 training points, 4 validation points". */
const RACE_CHART_NAME = /^Race: ([\d,]+) runs?, ([\d,]+) training points?, ([\d,]+) validation points?$/;
/** The range test chart's name: "Range test: loss against learning rate, 187 points". */
const RANGE_CHART_NAME = /^Range test: loss against learning rate, ([\d,]+) points?$/;

/** A count as English writes it, "1,240", as a number. */
const countIn = (text: string): number => Number(text.replaceAll(',', ''));

export interface RaceChartCounts {
  runs: number;
  training: number;
  validation: number;
}

export type RaceRowStatus = 'running' | 'finished' | 'stopped' | 'diverged' | 'collapsed' | 'early-stopped';

/** One row of the "Race results" table as shown: the texts of the columns the tests read. */
export interface RaceResultRow {
  /** The run's name, from its "Show … in the evaluation panels" button: "lr = 0.1", or "lr = 0.1, μ = 0.9" when the race's momenta differ. */
  name: string;
  /** The row header, "0.1". */
  learningRate: string;
  /** "0.5": the run's own momentum. */
  momentum: string;
  /** "87.3", or "—" before the run's first epoch. */
  validationAccuracy: string;
  /** "0.9871", "undefined", or "—". */
  macroAuc: string;
  status: RaceRowStatus;
  /** The status cell, then (a diverged or collapsed run) the explanation row below it. */
  statusText: string;
}

/** The numbers an accessible name announces, one per group of `pattern`; throws with the name when it does not match. */
function namedCounts(what: string, pattern: RegExp, name: string | null): number[] {
  const m = pattern.exec(name ?? '');
  if (!m) throw new Error(`${what} name not understood: ${name}`);
  return m.slice(1).map(countIn);
}

/**
 * The lab as a person sees it: labelled fields, named buttons and the texts
 * and roles the page announces. Locators only; assertions stay in the tests.
 */
export class LabPage {
  readonly learningRate: Locator;
  readonly learningRateSlider: Locator;
  readonly momentum: Locator;
  readonly epochs: Locator;
  readonly batchSize: Locator;
  readonly trainButton: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  readonly stopButton: Locator;
  readonly resetButton: Locator;
  readonly progress: Locator;
  readonly lossChart: Locator;

  // Learning rate: the range test and the race
  readonly rangeTestPanel: Locator;
  readonly runRangeTest: Locator;
  readonly stopRangeTest: Locator;
  /** The range test's chart, role="img" named with its point count. */
  readonly rangeChart: Locator;
  /** "Suggested learning rate: 0.12 (valley rule, …)", once the sweep is done. */
  readonly rangeSuggestion: Locator;
  readonly useSuggestedRate: Locator;
  readonly racePanel: Locator;
  readonly raceRates: Locator;
  /** The optional "Momentum per run" list; empty = Settings' momentum for every run. */
  readonly raceMomenta: Locator;
  readonly racePreset: Locator;
  readonly startRace: Locator;
  readonly stopRace: Locator;
  readonly clearRace: Locator;
  /** The race's closing line, "Race finished: 3 of 4 runs completed 1 epoch, …" (role="status"). */
  readonly raceMessage: Locator;
  readonly raceChart: Locator;
  readonly raceTable: Locator;
  /** "Show the single run": hands the evaluation panels back to the single run. */
  readonly showSingleRun: Locator;

  // Evaluation panels
  readonly evalValidation: Locator;
  readonly evalTest: Locator;
  readonly accuracyChart: Locator;
  readonly rocChart: Locator;
  readonly rocLegend: Locator;
  readonly macroAuc: Locator;
  readonly rocLogAxis: Locator;
  readonly confusionTable: Locator;
  readonly confusionCounts: Locator;
  readonly confusionRecall: Locator;
  /** The off-diagonal cells that hold images: buttons named "4 predicted as 9: 23 images". */
  readonly confusionMistakes: Locator;
  readonly gallery: Locator;

  // Drawing pad
  readonly pad: Locator;
  readonly undoStroke: Locator;
  readonly clearPad: Locator;
  /** The live line under the pad: "Prediction: 7 (93%)", or why there is none. */
  readonly prediction: Locator;
  readonly probabilityBars: Locator;
  /** The 28×28 image the network receives, drawn from the strokes. */
  readonly networkInput: Locator;

  // Saved models
  readonly modelName: Locator;
  readonly saveModel: Locator;
  readonly uploadModel: Locator;
  readonly modelsPanel: Locator;
  readonly savedModels: Locator;

  constructor(readonly page: Page) {
    this.learningRate = page.getByLabel('Learning rate', { exact: true });
    this.learningRateSlider = page.getByLabel('Learning rate (log scale)');
    this.momentum = page.getByLabel('Momentum', { exact: true });
    this.epochs = page.getByLabel('Epochs', { exact: true });
    this.batchSize = page.getByLabel('Batch size', { exact: true });
    this.trainButton = page.getByRole('button', { name: 'Train', exact: true });
    this.pauseButton = page.getByRole('button', { name: 'Pause', exact: true });
    this.resumeButton = page.getByRole('button', { name: 'Resume', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop', exact: true });
    this.resetButton = page.getByRole('button', { name: 'Reset', exact: true });
    this.progress = page.getByRole('progressbar', { name: 'Training progress' });
    this.lossChart = page.getByRole('img', { name: CHART_NAME });

    this.rangeTestPanel = page.getByRole('region', { name: 'Find a learning rate' });
    this.runRangeTest = this.rangeTestPanel.getByRole('button', { name: 'Run the range test', exact: true });
    this.stopRangeTest = this.rangeTestPanel.getByRole('button', { name: 'Stop the range test', exact: true });
    this.rangeChart = this.rangeTestPanel.getByRole('img', { name: RANGE_CHART_NAME });
    this.rangeSuggestion = this.rangeTestPanel.getByRole('status').filter({ hasText: /^Suggested learning rate: / });
    this.useSuggestedRate = this.rangeTestPanel.getByRole('button', { name: 'Use this learning rate', exact: true });
    this.racePanel = page.getByRole('region', { name: 'Race learning rates' });
    this.raceRates = this.racePanel.getByLabel('Learning rates to race', { exact: true });
    this.raceMomenta = this.racePanel.getByLabel('Momentum per run', { exact: true });
    this.racePreset = this.racePanel.getByRole('button', { name: /^Preset: / });
    this.startRace = this.racePanel.getByRole('button', { name: 'Start race', exact: true });
    this.stopRace = this.racePanel.getByRole('button', { name: 'Stop race', exact: true });
    this.clearRace = this.racePanel.getByRole('button', { name: 'Clear race', exact: true });
    this.raceMessage = this.racePanel.getByRole('status').filter({ hasText: /^Race (finished|stopped)/ });
    this.raceChart = this.racePanel.getByRole('img', { name: RACE_CHART_NAME });
    this.raceTable = this.racePanel.getByRole('table', { name: 'Race results' });
    this.showSingleRun = this.racePanel.getByRole('button', { name: 'Show the single run', exact: true });

    this.evalValidation = page.getByRole('radio', { name: 'Latest validation epoch' });
    this.evalTest = page.getByRole('radio', { name: 'Test set' });
    this.accuracyChart = page.getByRole('img', { name: /^Validation accuracy by epoch:/ });
    this.rocChart = page.getByRole('img', { name: /^ROC chart of digits/ });
    this.rocLegend = page.getByRole('list', { name: 'AUC by digit' });
    this.macroAuc = page.getByText(/^Macro AUC /);
    this.rocLogAxis = page.getByRole('checkbox', { name: 'Logarithmic false-positive axis' });
    const confusion = page.getByRole('region', { name: 'Confusion matrix' });
    this.confusionTable = confusion.getByRole('table');
    this.confusionCounts = confusion.getByRole('radio', { name: 'Counts', exact: true });
    this.confusionRecall = confusion.getByRole('radio', { name: 'Row-normalised (recall)' });
    this.confusionMistakes = this.confusionTable.getByRole('button', { name: /^\d predicted as \d: / });
    this.gallery = page.getByRole('dialog');

    this.pad = page.getByRole('img', { name: 'Draw a digit', exact: true });
    this.undoStroke = page.getByRole('button', { name: 'Undo stroke', exact: true });
    this.clearPad = page.getByRole('button', { name: 'Clear', exact: true });
    this.prediction = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Draw a digit', exact: true }) })
      .getByRole('status');
    this.probabilityBars = page.getByRole('list', { name: 'Probabilities by digit' });
    this.networkInput = page.getByRole('img', { name: 'The 28×28 image the network receives' });

    this.modelName = page.getByLabel('Model name', { exact: true });
    this.saveModel = page.getByRole('button', { name: 'Save model', exact: true });
    this.uploadModel = page.getByLabel('Upload model file');
    this.modelsPanel = page.getByRole('region', { name: 'Saved models' });
    this.savedModels = this.modelsPanel.getByRole('list', { name: 'Saved models' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true });
  }

  /** Digit d's legend entry, "Digit 3: AUC 0.9912", a toggle button. */
  rocDigit(d: number): Locator {
    return this.rocLegend.getByRole('button', { name: new RegExp(`^Digit ${d}: AUC `) });
  }

  /** The ten legend entries' AUCs, digit by digit (NaN where the page says "undefined"). */
  async rocAucs(): Promise<number[]> {
    const texts = await this.rocLegend.getByRole('button').allTextContents();
    return texts.map((t) => Number(/AUC ([\d.]+)/.exec(t)?.[1] ?? NaN));
  }

  /** The heatmap's 100 cell texts, row by row (true digit), as shown: "1,234", or "2.3" in the recall view. */
  async confusionCellTexts(): Promise<string[][]> {
    const texts = (await this.confusionTable.locator('tbody td').allTextContents()).map((t) => t.trim());
    if (texts.length !== 100) throw new Error(`confusion matrix: expected 100 cells, found ${texts.length}`);
    return Array.from({ length: 10 }, (_, r) => texts.slice(r * 10, r * 10 + 10));
  }

  /** Trains with the settings given and waits until the run has been tested ("Test accuracy …" is shown). */
  async trainToEnd(s: Parameters<LabPage['configure']>[0], timeoutMs: number): Promise<void> {
    await this.configure(s);
    await this.trainButton.click();
    await this.text(/Test accuracy [\d.]+%/)
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /**
   * Draws strokes on the pad with the mouse, one press-move-release each;
   * points are in pad units and become viewport pixels here.
   */
  async draw(strokes: readonly (readonly PadPoint[])[]): Promise<void> {
    await this.pad.scrollIntoViewIfNeeded();
    const box = await this.pad.boundingBox();
    if (!box) throw new Error('the drawing pad has no box (not visible?)');
    const at = (p: PadPoint) => [box.x + p.x * box.width, box.y + p.y * box.height] as const;
    const mouse = this.page.mouse;
    for (const stroke of strokes) {
      await mouse.move(...at(stroke[0]));
      await mouse.down();
      for (const p of stroke.slice(1)) await mouse.move(...at(p), { steps: 2 });
      await mouse.up();
    }
  }

  /** The ten bars as a screen reader reads them, "7: 93%", digit by digit; none while there is no answer. */
  async probabilityTexts(): Promise<string[]> {
    const items = await this.probabilityBars.getByRole('listitem').allTextContents();
    // Each row also holds the digit and percentage drawn for the eye (aria-hidden); the first part is the spoken one.
    return items.map((t) => /^\d: \d+%/.exec(t)?.[0] ?? t);
  }

  /** Pixels of a canvas that are not white (the pad's ink, or a gray image's). */
  inkPixels(canvas: Locator): Promise<number> {
    return canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      if (!data) throw new Error('no 2d context');
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) n++;
      return n;
    });
  }

  /** A canvas's pixels as a PNG data URL, to compare two moments. */
  canvasImage(canvas: Locator): Promise<string> {
    return canvas.evaluate((el) => (el as HTMLCanvasElement).toDataURL());
  }

  loadModel(name: string): Locator {
    return this.savedModels.getByRole('button', { name: `Load ${name}`, exact: true });
  }

  downloadModel(name: string): Locator {
    return this.savedModels.getByRole('button', { name: `Download ${name}`, exact: true });
  }

  /** The saved-models panel's message: role="status" for news, role="alert" for an error. */
  modelsMessage(role: 'status' | 'alert', text: RegExp): Locator {
    return this.modelsPanel.getByRole(role).filter({ hasText: text });
  }

  /** An alert (role="alert") whose text matches. */
  alert(text: RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  text(text: RegExp | string): Locator {
    return this.page.getByText(text);
  }

  /**
   * Waits until the page's text matches, checking on every animation frame:
   * for text that may be on screen only briefly (a summary the next epoch
   * replaces), where a locator's back-off polling could miss it.
   */
  async waitForTextEachFrame(text: RegExp, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(
      ({ source, flags }) => new RegExp(source, flags).test(document.body.textContent ?? ''),
      { source: text.source, flags: text.flags },
      { polling: 'raf', timeout: timeoutMs },
    );
  }

  /** Fills the run settings through their labelled fields; absent keys are left as they are. */
  async configure(s: { learningRate?: string; momentum?: string; epochs?: string; batchSize?: string }): Promise<void> {
    if (s.learningRate !== undefined) await this.learningRate.fill(s.learningRate);
    if (s.momentum !== undefined) await this.momentum.fill(s.momentum);
    if (s.epochs !== undefined) await this.epochs.fill(s.epochs);
    if (s.batchSize !== undefined) await this.batchSize.fill(s.batchSize);
  }

  /** The counts the loss chart announces in its accessible name; zeros while there is no chart. */
  async lossPointCounts(): Promise<LossPointCounts> {
    if ((await this.lossChart.count()) === 0) return { training: 0, validation: 0 };
    const snapshot = await this.lossChart.first().ariaSnapshot({ timeout: 5_000 });
    const m = CHART_NAME.exec(snapshot);
    if (!m) throw new Error(`loss chart name not understood: ${snapshot}`);
    return { training: countIn(m[1]), validation: countIn(m[2]) };
  }

  /** The loss chart's accessible name, e.g. "Loss curves: 40 training points, 0 validation points, 1 learning-rate change". */
  async lossChartName(): Promise<string> {
    return (await this.lossChart.first().getAttribute('aria-label', { timeout: 5_000 })) ?? '';
  }

  /** The counts the race chart announces; zeros while there is no race. */
  async raceChartCounts(): Promise<RaceChartCounts> {
    if ((await this.raceChart.count()) === 0) return { runs: 0, training: 0, validation: 0 };
    const [runs, training, validation] = namedCounts('race chart', RACE_CHART_NAME, await this.raceChart.getAttribute('aria-label', { timeout: 5_000 }));
    return { runs, training, validation };
  }

  /** How many points the range test's chart announces; 0 before the first. */
  async rangeTestPoints(): Promise<number> {
    if ((await this.rangeChart.count()) === 0) return 0;
    return namedCounts('range test chart', RANGE_CHART_NAME, await this.rangeChart.getAttribute('aria-label', { timeout: 5_000 }))[0];
  }

  /** The suggested learning rate as the range test shows it ("0.12", or "5e-3" below 0.01); null before it is done. */
  async suggestedRate(): Promise<string | null> {
    if ((await this.rangeSuggestion.count()) === 0) return null;
    const text = (await this.rangeSuggestion.textContent()) ?? '';
    const m = /^Suggested learning rate: ([\d.e+-]+)/.exec(text);
    if (!m) throw new Error(`range test suggestion not understood: ${text}`);
    return m[1];
  }

  /**
   * A run's button in the race table, "Show lr = 0.1 in the evaluation panels" (its text reads "Show below"):
   * `run` is a learning rate ("0.1") or, when the race's momenta differ, a whole run name ("lr = 0.1, μ = 0.9").
   */
  showRaceRun(run: string): Locator {
    const name = run.startsWith('lr = ') ? run : `lr = ${run}`;
    return this.raceTable.getByRole('button', { name: `Show ${name} in the evaluation panels`, exact: true });
  }

  /**
   * The race table's rows, in the order the rates were entered, read in one
   * pass so that no row is from a later moment than another. Columns are
   * found by their header text.
   */
  async raceRows(): Promise<RaceResultRow[]> {
    if ((await this.raceTable.count()) === 0) return [];
    const { head, rows, explanations, names } = await this.raceTable.evaluate((table) => {
      const t = table as HTMLTableElement;
      // A run's row, then (for a diverged or collapsed run) a row that spans the table with why.
      const runRows = Array.from(t.tBodies[0]?.rows ?? []).filter((r) => !r.classList.contains('race__explain-row'));
      const why = (r: HTMLTableRowElement) => {
        const next = r.nextElementSibling as HTMLTableRowElement | null;
        return next?.classList.contains('race__explain-row') ? next.innerText.trim() : '';
      };
      return {
        head: Array.from(t.tHead?.rows[0]?.cells ?? [], (c) => (c.textContent ?? '').trim()),
        rows: runRows.map((r) => Array.from(r.cells, (c) => c.innerText.trim())),
        explanations: runRows.map(why),
        names: runRows.map((r) => r.querySelector('button[aria-label]')?.getAttribute('aria-label') ?? ''),
      };
    });
    const col = (name: string) => {
      const i = head.indexOf(name);
      if (i < 0) throw new Error(`race table: no column "${name}" in ${JSON.stringify(head)}`);
      return i;
    };
    const [lr, mu, acc, auc, status] = [col('Learning rate'), col('Momentum'), col('Validation accuracy (%)'), col('Macro AUC'), col('Status')];
    return rows.map((cells, i) => {
      const m = /^(running|finished|stopped|diverged|collapsed|early-stopped)/.exec(cells[status]);
      if (!m) throw new Error(`race table: status not understood: ${cells[status]}`);
      const name = /^Show (.+) in the evaluation panels$/.exec(names[i]);
      if (!name) throw new Error(`race table: row ${i + 1}'s button is not named after its run: "${names[i]}"`);
      return {
        name: name[1],
        learningRate: cells[lr],
        momentum: cells[mu],
        validationAccuracy: cells[acc],
        macroAuc: cells[auc],
        status: m[1] as RaceRowStatus,
        statusText: explanations[i] ? `${cells[status]}\n${explanations[i]}` : cells[status],
      };
    });
  }

  /** The race table's row for `rate` ("0.1"); throws when there is none. */
  async raceRow(rate: string): Promise<RaceResultRow> {
    const rows = await this.raceRows();
    const row = rows.find((r) => r.learningRate === rate);
    if (!row) throw new Error(`race table: no row for lr ${rate} among ${rows.map((r) => r.learningRate).join(', ') || '(none)'}`);
    return row;
  }

  /** The store's state, for diagnostics only (tests assert on what the page shows). */
  state(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { mnistLab?: { getState(): unknown } }).mnistLab?.getState());
  }

  /** A short JSON summary of the store for failure messages. */
  async describeState(): Promise<string> {
    try {
      const s = (await this.state()) as
        | { backend?: unknown; engine?: unknown; run?: Record<string, unknown> | null; race?: DiagRace | null; rangeTest?: DiagRange | null }
        | undefined;
      if (!s) return 'window.mnistLab is not there';
      const run = s.run;
      const brief = run && {
        phase: run.phase,
        progress: run.progress,
        lossPoints: Array.isArray(run.lossPoints) ? run.lossPoints.length : run.lossPoints,
        // Each epoch's losses only: its evaluation (confusion matrix, ROC points) runs to thousands of numbers.
        epochs: Array.isArray(run.epochs) ? (run.epochs as DiagEpoch[]).map((e) => [e.epoch, e.trainLoss, e.validation?.loss]) : run.epochs,
        done: run.done && typeof run.done === 'object' ? { ...run.done, test: (run.done as { test?: { accuracy: number } }).test?.accuracy } : run.done,
        error: run.error,
      };
      const race = s.race && {
        phase: s.race.phase,
        error: s.race.error,
        message: s.race.message,
        runs: s.race.runs.map((r) => ({
          learningRate: r.learningRate,
          status: r.status,
          lossPoints: r.lossPoints.length,
          accuracy: r.epochs.map((e) => e.validation.accuracy),
          message: r.message,
        })),
      };
      const rangeTest = s.rangeTest && {
        status: s.rangeTest.status,
        points: s.rangeTest.points.length,
        suggestion: s.rangeTest.suggestion,
        message: s.rangeTest.message,
      };
      // Keys with no race or range test are left out, so a plain run's summary reads as before.
      return JSON.stringify({ backend: s.backend, engine: s.engine, run: brief, ...(race ? { race } : {}), ...(rangeTest ? { rangeTest } : {}) });
    } catch (err) {
      return `state unavailable: ${String(err)}`;
    }
  }
}

/** The parts of a run's epoch that describeState keeps. */
interface DiagEpoch {
  epoch: number;
  trainLoss: number;
  validation?: { loss: number };
}
/** The parts of the store's race and range test that describeState summarises. */
interface DiagRace {
  phase: string;
  error: string | null;
  message: string | null;
  runs: { learningRate: number; status: string; message: string | null; lossPoints: unknown[]; epochs: { validation: { accuracy: number } }[] }[];
}
interface DiagRange {
  status: string;
  points: unknown[];
  suggestion: unknown;
  message: string | null;
}
