/**
 * What the lab shows about the learning rate, end to end in Chromium: a race
 * of four learning rates over four decades, the range test and its
 * suggestion, a learning rate changed mid-run, a race in which one run
 * diverges while the other finishes, and a race of one learning rate with
 * two momenta. Each test opens its own page; every
 * run trains one epoch (twenty for the mid-run change, stopped early) on 5,000
 * images (`?trainLimit=5000`; validation stays 10,000) with the default
 * momentum, 0.5, unless a race gives its runs their own, on the WebAssembly
 * SIMD engine (`?backend=simd`). Two tests watch a run while it trains, which
 * the SIMD engine does faster than it can be watched on 5,000 images: the
 * mid-run change trains on all 50,000, and the race of four, whose lr 1 would
 * diverge on as many, on tfjs's wasm backend (an epoch of four stacked runs
 * in a second or two).
 */
import { describe, expect, test } from 'vitest';
import type { LabPage, RaceResultRow } from './support/browser.ts';
import { labPerTest } from './support/sessions.ts';

const QUICK = '?trainLimit=5000&backend=simd';
/** A comparison of four whose curves are watched growing: on tfjs wasm, ten times slower than the SIMD engine here. */
const WATCHED_RACE = '?trainLimit=5000&backend=wasm';
/** A run still going when the rate changes: every training image, twenty epochs, on the SIMD engine. */
const WATCHED_RUN = '?backend=simd';

/** Data loading, backend start and the first batches, generously, for a slow CI machine. */
const FIRST_POINT_MS = 120_000;
/** One epoch of 5,000 images for every run of a race, then one 10,000-image validation pass over all of them. */
const RACE_MS = 240_000;
/** Up to 300 batches of the sweep, usually fewer: it stops once the loss has blown up. */
const RANGE_TEST_MS = 180_000;

const open = labPerTest(QUICK);

/** "87.3" → 87.3; the table shows "—" before a run's first epoch, which reads as NaN. */
const percent = (row: RaceResultRow) => Number(row.validationAccuracy);

/** Waits until every run of the race has a status other than running, and the race has said its closing line. */
async function raceDone(lab: LabPage): Promise<RaceResultRow[]> {
  await lab.raceMessage.waitFor({ state: 'visible', timeout: RACE_MS });
  const rows = await lab.raceRows();
  expect(
    rows.map((r) => r.status),
    'no run still running once the race is done',
  ).not.toContain('running');
  return rows;
}

describe('learning rate', () => {
  test('races 0.001, 0.01, 0.1 and 1 for an epoch: four curves, four rows, accuracy rising with the rate up to 0.1', async () => {
    const lab = await open(WATCHED_RACE);
    await lab.configure({ epochs: '1' });
    await lab.raceRates.fill('1');
    await lab.racePreset.click();
    expect(await lab.raceRates.inputValue()).toBe('0.001, 0.01, 0.1, 1');
    await lab.startRace.click();

    // Four curves on one chart, and they grow while the runs train.
    await expect.poll(async () => (await lab.raceChartCounts()).training, { timeout: FIRST_POINT_MS, interval: 250 }).toBeGreaterThan(0);
    const early = await lab.raceChartCounts();
    expect(early.runs, 'runs named by the race chart').toBe(4);
    await expect.poll(async () => (await lab.raceChartCounts()).training, { timeout: RACE_MS, interval: 250 }).toBeGreaterThan(early.training);

    const rows = await raceDone(lab);
    expect(rows.map((r) => r.learningRate)).toEqual(['0.001', '0.01', '0.1', '1']);
    const done = await lab.raceChartCounts();
    expect(done.runs).toBe(4);
    expect(done.validation, 'one validation marker per run that finished its epoch').toBeGreaterThanOrEqual(3);

    const [slow, fair, good, huge] = rows;
    for (const r of [slow, fair, good]) expect(r.status, `status of lr ${r.learningRate}`).toBe('finished');
    // At lr 1 (an effective step of 2 with momentum 0.5) the network may break down to guessing one digit.
    expect(['finished', 'collapsed'], `status of lr 1: ${huge.statusText}`).toContain(huge.status);
    for (const r of [slow, fair, good]) expect(Number.isFinite(percent(r)), `accuracy of lr ${r.learningRate}: "${r.validationAccuracy}"`).toBe(true);
    expect(percent(good), 'validation accuracy: lr 0.1 above lr 0.01').toBeGreaterThan(percent(fair));
    expect(percent(fair), 'validation accuracy: lr 0.01 above lr 0.001').toBeGreaterThan(percent(slow));

    // The evaluation panels follow the run picked in the table: its macro AUC, its ten AUCs.
    expect(await lab.showSingleRun.getAttribute('aria-pressed')).toBe('true');
    const show01 = lab.showRaceRun('0.01');
    const show1 = lab.showRaceRun('0.1');
    await show01.click();
    await expect.poll(() => show01.getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('true');
    await expect.poll(() => lab.macroAuc.textContent(), { timeout: 10_000 }).toBe(`Macro AUC ${fair.macroAuc}`);
    const aucsAt01 = await lab.rocAucs();

    await show1.click();
    await expect.poll(() => show1.getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('true');
    expect(await show1.textContent()).toBe('Shown below');
    expect(await show01.getAttribute('aria-pressed')).toBe('false');
    expect(await lab.showSingleRun.getAttribute('aria-pressed')).toBe('false');
    expect(good.macroAuc, 'the two runs differ in macro AUC').not.toBe(fair.macroAuc);
    await expect.poll(() => lab.macroAuc.textContent(), { timeout: 10_000 }).toBe(`Macro AUC ${good.macroAuc}`);
    expect(await lab.rocAucs(), 'the AUC list is lr 0.1’s, not lr 0.01’s').not.toEqual(aucsAt01);
    const caption = lab.confusionTable.locator('caption');
    expect(await caption.textContent()).toBe('10,000 validation images · Validation, epoch 1');
  });

  test('the range test sweeps the learning rate, suggests one between 0.01 and 1, and puts it in the field', async () => {
    const lab = await open();
    await lab.runRangeTest.click();
    await lab.stopRangeTest.waitFor({ state: 'visible', timeout: 10_000 });
    await lab.rangeSuggestion.waitFor({ state: 'visible', timeout: RANGE_TEST_MS });

    expect(await lab.rangeTestPoints(), 'points on the range test chart').toBeGreaterThan(50);
    const suggested = await lab.suggestedRate();
    const rate = Number(suggested);
    expect(rate, `suggested learning rate "${suggested}"`).toBeGreaterThanOrEqual(0.01);
    expect(rate, `suggested learning rate "${suggested}"`).toBeLessThanOrEqual(1);
    await lab.runRangeTest.waitFor({ state: 'visible', timeout: 5_000 });

    expect(await lab.learningRate.inputValue()).not.toBe(suggested);
    await lab.useSuggestedRate.click();
    await expect.poll(() => lab.learningRate.inputValue(), { timeout: 5_000 }).toBe(suggested);
    expect(await lab.learningRate.getAttribute('aria-invalid')).not.toBe('true');
  });

  test('a learning rate changed during a run takes effect and leaves a marker on the loss curve', async () => {
    const lab = await open(WATCHED_RUN);
    await lab.configure({ learningRate: '0.01', epochs: '20' });
    await lab.trainButton.click();
    await expect.poll(async () => (await lab.lossPointCounts()).training, { timeout: FIRST_POINT_MS, interval: 250 }).toBeGreaterThan(0);
    expect(await lab.lossChartName()).not.toMatch(/learning-rate change/);

    // Twenty epochs: the run is still going when the rate changes, however fast the machine.
    expect(await lab.stopButton.isEnabled(), 'the run is still training when the rate changes').toBe(true);
    expect(await lab.learningRate.isEditable(), 'the learning rate stays editable during a run').toBe(true);
    await lab.learningRate.fill('0.05');
    await expect.poll(() => lab.lossChartName(), { timeout: 30_000 }).toMatch(/, 1 learning-rate change$/);
    // The marker is labelled with the new rate where it was applied.
    await lab.lossChart.getByText('lr 0.05', { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });

    await lab.stopButton.click();
    await lab
      .text(/Stopped/)
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    expect(await lab.lossChartName(), 'still one change after Stop').toMatch(/, 1 learning-rate change$/);
  });

  test('a race of 0.05 and 10: lr 10 diverges and is stopped while lr 0.05 finishes', async () => {
    const lab = await open();
    await lab.configure({ epochs: '1' });
    await lab.raceRates.fill('0.05, 10');
    await lab.startRace.click();

    await expect.poll(async () => (await lab.raceRow('10').catch(() => null))?.status, { timeout: RACE_MS, interval: 250 }).toBe('diverged');
    const diverged = await lab.raceRow('10');
    expect(diverged.statusText, 'the row says why').toMatch(/diverged: the loss/);

    const rows = await raceDone(lab);
    expect(rows.map((r) => [r.learningRate, r.status])).toEqual([
      ['0.05', 'finished'],
      ['10', 'diverged'],
    ]);
    expect(Number(rows[0].validationAccuracy), 'lr 0.05 learned').toBeGreaterThan(50);
    // Its frozen weights are judged once at the epoch's end: the blow-up left a network guessing one digit.
    expect(Number(rows[1].validationAccuracy), 'lr 10 after the blow-up').toBeLessThan(20);
    expect(rows[1].statusText).toMatch(/What the blow-up left scores \d+\.\d% on the validation set: chance level/);
    expect(await lab.raceMessage.textContent()).toMatch(/1 of 2 runs completed 1 epoch, 1 diverged/);
    expect((await lab.raceChartCounts()).runs).toBe(2);
  });

  test('a race of lr 0.01 with momentum 0 and 0.9: two named runs, and momentum learns faster', async () => {
    const lab = await open();
    await lab.configure({ epochs: '1' });
    await lab.raceRates.fill('0.01, 0.01');
    await lab.raceMomenta.fill('0, 0.9');
    await expect.poll(() => lab.startRace.isEnabled(), { timeout: 5_000 }).toBe(true);
    await lab.startRace.click();

    const rows = await raceDone(lab);
    expect(rows.map((r) => [r.name, r.learningRate, r.momentum, r.status])).toEqual([
      ['lr = 0.01, μ = 0', '0.01', '0', 'finished'],
      ['lr = 0.01, μ = 0.9', '0.01', '0.9', 'finished'],
    ]);
    // One epoch of 5,000 images: about 20 % without momentum, about 60-70 % with 0.9 (an effective step of 0.1) in Node.
    const [plain, heavy] = rows;
    expect(percent(heavy), 'validation accuracy: μ 0.9 above μ 0').toBeGreaterThan(percent(plain) + 10);
    expect(await lab.raceMessage.textContent()).toMatch(/2 of 2 runs completed 1 epoch/);
    await lab.showRaceRun('lr = 0.01, μ = 0.9').waitFor({ state: 'visible', timeout: 5_000 });
  });

  test('a momentum count that matches neither one nor every learning rate is explained at its field and blocks Start race', async () => {
    const lab = await open();
    await lab.raceRates.fill('0.001, 0.01, 0.1, 1');
    await lab.raceMomenta.fill('0, 0.5, 0.9');
    const alert = lab.alert(/^4 learning rates but 3 momenta: give one momentum, or one per learning rate\.$/);
    await alert.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await lab.raceMomenta.getAttribute('aria-invalid')).toBe('true');
    const alertId = await alert.getAttribute('id');
    const describedBy = (await lab.raceMomenta.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
    expect(alertId !== null && describedBy.includes(alertId), `aria-describedby="${describedBy.join(' ')}" names the alert (id=${alertId})`).toBe(true);
    expect(await lab.raceRates.getAttribute('aria-invalid'), 'the learning rates are fine').not.toBe('true');
    expect(await lab.startRace.isDisabled()).toBe(true);

    await lab.raceMomenta.fill('0.9');
    await expect.poll(() => lab.startRace.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await lab.raceMomenta.getAttribute('aria-invalid')).not.toBe('true');
    expect(await alert.count()).toBe(0);
  });
});
