/**
 * Run history: every run and every race run is kept in IndexedDB when it ends,
 * survives a reload, overlays, exports as JSON, and a bad import is refused.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { OpenLab } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

const RUN_MS = 300_000;
let session: OpenLab;
// Small sets: this file is about what is kept, not how well it learns.
labPerFile('?trainLimit=1000&validation=500', { name: 'history' }, (s) => (session = s));

describe('run history', () => {
  it(
    'keeps a run and a race across a reload, overlays them, exports JSON and refuses a bad import',
    async () => {
      const { page, lab } = session;
      const panel = page.getByRole('region', { name: 'Run history' });
      await panel.getByText('No runs yet').waitFor({ timeout: 20_000 });

      await lab.trainToEnd({ learningRate: '0.1', momentum: '0.5', epochs: '1' }, RUN_MS);
      const single = panel.getByRole('checkbox', { name: 'Overlay Run · lr 0.1 · μ 0.5', exact: true });
      await single.waitFor({ timeout: 20_000 });

      await page.getByLabel('Learning rates to race').fill('0.05, 5');
      await page.getByRole('button', { name: 'Start race' }).click();
      await page.getByText(/^Race finished: /).waitFor({ timeout: RUN_MS });
      await panel.getByRole('checkbox', { name: 'Overlay Race · lr 0.05 · μ 0.5', exact: true }).waitFor({ timeout: 20_000 });
      await panel.getByRole('checkbox', { name: 'Overlay Race · lr 5 · μ 0.5', exact: true }).waitFor({ timeout: 20_000 });

      await page.reload();
      await single.waitFor({ timeout: 20_000 });
      expect(await panel.locator('tbody tr').count()).toBe(3);
      // The race's rows carry their runs' own learning rates.
      const rows = await panel.locator('tbody tr').allInnerTexts();
      expect(rows.filter((r) => /Race · lr 5\b/.test(r))).toHaveLength(1);

      await single.check();
      await panel.getByRole('checkbox', { name: 'Overlay Race · lr 0.05 · μ 0.5', exact: true }).check();
      await panel.getByRole('img', { name: 'History overlay: 2 runs' }).waitFor({ timeout: 10_000 });

      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export selection as JSON' }).click()]);
      const doc = JSON.parse(await readFile((await download.path())!, 'utf8'));
      expect(doc.format).toBe('mnist-lab-history');
      expect(doc.runs.map((r: { settings: { learningRate: number } }) => r.settings.learningRate).sort()).toEqual([0.05, 0.1]);

      await panel.getByLabel('Import runs (JSON)').setInputFiles({
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"mnist-lab-history","version":1,"runs":[{"name":1}]}'),
      });
      await panel.getByRole('alert').waitFor({ timeout: 10_000 });
      expect(await panel.getByRole('alert').innerText()).toMatch(/Nothing was imported/);
      expect(await panel.locator('tbody tr').count()).toBe(3);

      await panel.getByRole('button', { name: 'Delete Race · lr 5 · μ 0.5', exact: true }).click();
      await expect.poll(() => panel.locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);
    },
    RUN_MS * 2,
  );
});
