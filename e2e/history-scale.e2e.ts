/**
 * The run history under load and across a reload: a thousand imported runs
 * leave a usable page (one page of rows, a count, a capped overlay that says
 * so, and a second import of the same file that adds nothing), and a run
 * reloaded away mid-training is kept as interrupted, with its epochs so far.
 */
import { describe, expect, it } from 'vitest';
import { historyFile } from './support/historyFile.ts';
import { labPerTest } from './support/sessions.ts';

const open = labPerTest('?trainLimit=1000&validation=500&backend=wasm');

describe('run history at scale', () => {
  it('imports 1,000 runs without freezing the page, pages the table, caps the overlay and skips a second import', async () => {
    const { page } = await open();
    const panel = page.getByRole('region', { name: 'Run history' });
    await panel.getByText('No runs yet').waitFor({ timeout: 20_000 });
    const file = { name: 'runs.json', mimeType: 'application/json', buffer: Buffer.from(historyFile(1000, 50)) };

    await panel.getByLabel('Import runs (JSON)').setInputFiles(file);
    // While the import runs, the page answers: a field takes a value at once.
    const momentum = page.getByLabel('Momentum', { exact: true });
    const t0 = Date.now();
    await momentum.fill('0.6', { timeout: 2_000 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    await panel.getByRole('status').filter({ hasText: 'Imported 1,000 runs from “runs.json”.' }).waitFor({ timeout: 60_000 });
    expect(await momentum.inputValue()).toBe('0.6');

    await panel.getByText('1,000 runs kept in this browser').waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(50);
    await panel.getByText('Runs 1–50 of 1,000').waitFor();
    // Newest first: the file's last run heads the list.
    await panel.getByRole('checkbox', { name: 'Overlay Imported 1000', exact: true }).waitFor({ state: 'attached' });
    await panel.getByRole('button', { name: 'Next page' }).click();
    await panel.getByText('Runs 51–100 of 1,000').waitFor();

    // The imported runs are ticked; "Overlay all runs" off and on again draws the capped overlay, and says so.
    const all = panel.getByRole('checkbox', { name: 'Overlay all runs' });
    await all.uncheck();
    await panel.getByText('Tick runs above to overlay their loss curves.').waitFor();
    await all.check();
    await panel.getByRole('img', { name: 'History overlay: 20 of 1,000 ticked runs' }).waitFor({ timeout: 20_000 });
    await panel.getByText('Showing the first 20 of 1,000 ticked runs').waitFor();

    await panel.getByLabel('Import runs (JSON)').setInputFiles(file);
    await panel
      .getByRole('status')
      .filter({ hasText: 'Imported 0 runs from “runs.json”: all 1,000 were already in the history.' })
      .waitFor({ timeout: 60_000 });
    await panel.getByText('1,000 runs kept in this browser').waitFor();
  });

  it('keeps a run reloaded away mid-training as interrupted, with its epochs so far, after asking before leaving', async () => {
    const lab = await open();
    const { page } = lab;
    const panel = page.getByRole('region', { name: 'Run history' });
    await panel.getByText('No runs yet').waitFor({ timeout: 20_000 });
    // Many short epochs, so the run is surely still going when the test acts after its first:
    // the test pauses it, reads how many epochs its record holds, and reloads.
    await lab.configure({ learningRate: '0.01', epochs: '50', batchSize: '16' });
    await lab.trainButton.click();
    const row = panel.locator('tbody tr').filter({ hasText: 'Run · lr 0.01 · μ 0.5' });
    // Written after epoch 1, while the run goes on.
    await row.getByText('running', { exact: true }).waitFor({ timeout: 120_000 });
    await lab.pauseButton.click();
    await lab.resumeButton.waitFor();
    // Paused: the record catches up with every epoch the loss chart shows (one validation point each).
    // Both are read again on every poll: the chart draws deferred values, so right after the pause it
    // may still show fewer epochs than the run has (CI saw 1 drawn against 3 written).
    const written = async () => Number(/(\d+) of 50/.exec(await row.innerText())?.[1]);
    const gap = async () => (await lab.lossPointCounts()).validation - (await written());
    await expect.poll(gap, { timeout: 10_000 }).toBe(0);
    const epochs = await written();
    expect(epochs).toBeGreaterThanOrEqual(1);
    expect(epochs).toBeLessThan(50);

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);

    await row.getByText('interrupted', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain(`${epochs} of 50`);
    await panel.getByRole('checkbox', { name: 'Overlay Run · lr 0.01 · μ 0.5', exact: true }).check();
    const chart = panel.getByRole('img', { name: 'History overlay: 1 run' });
    await chart.waitFor({ timeout: 10_000 });
    // Its training curve up to its last written epoch is drawn.
    await expect.poll(() => chart.locator('.plot__line').count(), { timeout: 10_000 }).toBe(1);
  });
});
