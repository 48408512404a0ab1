/**
 * A run saved in English reads in Brazilian Portuguese: the history stores its
 * status and its note as codes with numbers, and the page words them in the
 * language it is in, at once when the student switches and again from
 * IndexedDB after a reload. A diverged run (learning rate 10) is the quickest
 * run with a note to read: it stops within a few batches. On wasm: WebGL on
 * the test machine's software GPU would spend half a minute compiling.
 */
import { describe, expect, it } from 'vitest';
import type { OpenLab } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

const RUN_MS = 120_000;
let session: OpenLab;
// cpu, not wasm: lr 10 diverges at the 4th batch, and on wasm that can come before the first loss points are sent (a run with
// nothing to show is not kept); cpu's slower batches always send some first.
labPerFile('?backend=cpu&trainLimit=2000&validation=500', { name: 'history-language' }, (s) => (session = s));

describe('run history across languages', () => {
  it(
    'a run saved in English reads in Portuguese, after the switch and after a reload',
    async () => {
      const { page, lab } = session;
      const english = page.getByRole('region', { name: 'Run history' });
      await english.getByText('No runs yet').waitFor({ timeout: 20_000 });

      await lab.configure({ learningRate: '10', momentum: '0.5', epochs: '1' });
      await lab.trainButton.click();
      const row = (panel: typeof english) => panel.locator('tbody tr').filter({ hasText: 'Run · lr 10 · μ 0.5' });
      await row(english).getByText('diverged', { exact: true }).waitFor({ timeout: RUN_MS });
      expect(await row(english).innerText()).toContain('The learning rate is too large: the loss diverged');

      await page.getByLabel('Language').selectOption('pt-BR');
      const portuguese = page.getByRole('region', { name: 'Histórico de treinos' });
      await row(portuguese).getByText('divergiu', { exact: true }).waitFor({ timeout: 5_000 });
      const switched = await row(portuguese).innerText();
      expect(switched).toContain('A taxa de aprendizado é grande demais: a perda divergiu');
      expect(switched).toContain('treino avulso');
      expect(switched).not.toMatch(/diverged|learning rate|single run/);

      // Read back from IndexedDB, in the language the page was left in (kept in local storage).
      await page.reload();
      await row(portuguese).getByText('divergiu', { exact: true }).waitFor({ timeout: 20_000 });
      expect(await row(portuguese).innerText()).toContain('A taxa de aprendizado é grande demais: a perda divergiu');
      expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    },
    RUN_MS + 60_000,
  );
});
