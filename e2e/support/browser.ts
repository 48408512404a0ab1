/**
 * Chromium for the e2e tests and the bench, and a page object for the lab.
 * playwright-core drives Debian's /usr/bin/chromium (scripts/ensure-chromium.sh
 * installs it); `playwright install` cannot download browsers here.
 */
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { E2E_PORT } from './server.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless Chromium with WebGL 2 through ANGLE on SwiftShader (a CPU Vulkan
 * driver bundled with Chromium), so the worker's WebGL backend runs on
 * machines without a GPU. Checked with a probe: a module worker gets a
 * WebGL 2 context on an OffscreenCanvas with these flags (and also without
 * the two SwiftShader ones, which only makes the choice explicit).
 * No --disable-gpu: WebGL would then depend on Chromium's fallback rules.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
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

/**
 * Opens the lab at `baseUrl` + `query` (e.g. '?trainLimit=5000') in a fresh
 * browser with animations off, and waits for the settings form. The e2e
 * tests pass the URL their global setup provides; the default is its port.
 */
export async function openLab(query = '', { baseUrl = `http://127.0.0.1:${E2E_PORT}/` } = {}): Promise<OpenLab> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const issues = collectIssues(page);
    await page.goto(new URL(query, baseUrl).href);
    const lab = new LabPage(page);
    await lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });
    return { browser, page, lab, issues, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

export interface LossPointCounts {
  training: number;
  validation: number;
}

const CHART_NAME = /Loss curves: (\d+) training points, (\d+) validation points/;

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
    return { training: Number(m[1]), validation: Number(m[2]) };
  }

  /** The store's state, for diagnostics only (tests assert on what the page shows). */
  state(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { mnistLab?: { getState(): unknown } }).mnistLab?.getState());
  }

  /** A short JSON summary of the store for failure messages. */
  async describeState(): Promise<string> {
    try {
      const s = (await this.state()) as { backend?: unknown; run?: Record<string, unknown> | null } | undefined;
      if (!s) return 'window.mnistLab is not there';
      const run = s.run;
      const brief = run && {
        phase: run.phase,
        progress: run.progress,
        lossPoints: Array.isArray(run.lossPoints) ? run.lossPoints.length : run.lossPoints,
        epochs: run.epochs,
        done: run.done,
        error: run.error,
      };
      return JSON.stringify({ backend: s.backend, run: brief });
    } catch (err) {
      return `state unavailable: ${String(err)}`;
    }
  }
}
