/**
 * What goes wrong outside the lab's control leaves a usable page with a
 * message: a model file with a malformed field, records damaged in the
 * browser's storage, a panel that throws, and a browser without IndexedDB.
 * No test here trains more than one epoch of 1,000 images.
 */
import { describe, expect, test } from 'vitest';
import { ANN_MNIST } from '../src/model/architecture.ts';
import { initParams } from '../src/model/init.ts';
import { encodeModelFile } from '../src/model/modelFile.ts';
import { PRESET } from '../src/shared/settings.ts';
import type { LabPage } from './support/browser.ts';
import { labPerTest } from './support/sessions.ts';

const open = labPerTest('?backend=wasm');
/** A reload starts the page and its worker again. */
const RELOAD_MS = 60_000;
const RUN_MS = 120_000;

/** A model file as the lab writes it, and the same with one field malformed. */
const VALID = encodeModelFile({
  name: 'e2e upload',
  savedAt: '2026-11-28T09:30:00.000Z',
  arch: ANN_MNIST,
  settings: PRESET,
  metrics: { epochsTrained: 1, testAccuracy: 0.9 },
  params: initParams(ANN_MNIST, 'pytorch', 5),
});
const BLANKING = JSON.stringify({ ...JSON.parse(VALID), metrics: { epochsTrained: { n: 1 }, testAccuracy: 0.9 } });

const upload = (lab: LabPage, name: string, text: string) => lab.uploadModel.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Adds a record straight into one of the lab's IndexedDB stores, as a damaged or foreign write would. */
function putRaw(lab: LabPage, db: string, store: string, value: unknown): Promise<void> {
  return lab.page.evaluate(
    ({ db, store, value }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(db, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(store, { keyPath: 'id', autoIncrement: true });
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(store, 'readwrite');
          tx.objectStore(store).add(value);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db, store, value },
  );
}

describe('robustness', () => {
  test('a malformed model file is refused, damaged stored records are listed apart and removable, a failing panel leaves the page usable', async () => {
    const lab = await open();
    const history = lab.page.getByRole('region', { name: 'Run history' });
    await lab.text('No saved models in this browser yet.').waitFor({ timeout: 10_000 });

    // The file whose metrics once blanked the page for good: refused at the panel, nothing stored.
    await upload(lab, 'blanking.mnistlab.json', BLANKING);
    await lab
      .modelsMessage('alert', /^“blanking\.mnistlab\.json”: This model file is damaged: metrics\.epochsTrained must be a number, not an object\.$/)
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => lab.savedModels.count()).toBe(0);

    // Damaged records written past the lab (another version, an extension, a disk error).
    await putRaw(lab, 'mnist-lab', 'models', { name: 'broken one', savedAt: 'soon', metrics: { epochsTrained: {} }, params: [] });
    await putRaw(lab, 'mnist-lab-history', 'runs', { name: 'broken run', curves: 5 });
    await lab.page.reload();
    await lab.trainButton.waitFor({ timeout: RELOAD_MS });
    await lab.text(/^“broken one”\s*is damaged and cannot be used: savedAt must be a date/).waitFor({ timeout: 10_000 });
    await history.getByText(/^“broken run”\s*is damaged and cannot be used: /).waitFor({ timeout: 10_000 });

    // A good file still loads beside them.
    await upload(lab, 'good.mnistlab.json', VALID);
    await lab.modelsMessage('status', /^Uploaded and loaded “e2e upload”\.$/).waitFor({ timeout: 10_000 });
    await lab.loadModel('e2e upload').waitFor({ timeout: 5_000 });

    await lab.modelsPanel.getByRole('button', { name: 'Remove damaged broken one', exact: true }).click();
    await history.getByRole('button', { name: 'Remove damaged broken run', exact: true }).click();
    await expect.poll(() => lab.page.getByText('is damaged').count(), { timeout: 10_000 }).toBe(0);
    await lab.page.reload();
    await lab.loadModel('e2e upload').waitFor({ timeout: RELOAD_MS });
    expect(await lab.page.getByText('is damaged').count()).toBe(0);

    // A value that slips past every check (put into the store by hand here) breaks one list item, then one panel: each says so and offers a way out.
    const store = (f: string, arg: unknown) =>
      lab.page.evaluate(({ f, arg }) => (window as unknown as { mnistLab: { getState(): Record<string, (a: unknown) => void> } }).mnistLab.getState()[f](arg), {
        f,
        arg,
      });
    await store('setSavedModels', [{ id: 999, name: { not: 'text' }, savedAt: '2026-11-28T09:30:00.000Z', metrics: { epochsTrained: 1 } }]);
    await lab.modelsPanel.getByText(/^The saved model 999 cannot be shown: /).waitFor({ timeout: 5_000 });
    await lab.modelsPanel.getByRole('button', { name: 'Remove this saved model' }).click();
    // Removing re-reads the list from storage: the good model is back, the bad entry gone.
    await lab.loadModel('e2e upload').waitFor({ timeout: 10_000 });

    await store('setModel', { source: 'loaded', name: { not: 'text' }, settings: PRESET, metrics: { epochsTrained: 1 } });
    const failed = lab.page.getByRole('region', { name: 'Saved models' }).getByRole('alert');
    await expect.poll(() => failed.textContent(), { timeout: 5_000 }).toMatch(/^This panel failed: .+ The rest of the page still works\.$/);
    await expect.poll(() => lab.trainButton.isEnabled()).toBe(true);
    await store('setModel', null);
    await lab.page.getByRole('button', { name: 'Try again' }).click();
    await lab.loadModel('e2e upload').waitFor({ timeout: 5_000 });
  });

  test('without IndexedDB the page loads, trains, and says in words that nothing is kept', async () => {
    const lab = await open('?trainLimit=1000&validation=500&backend=wasm', {
      initScript: () => {
        // As in a browser with storage turned off: no IndexedDB at all.
        delete (window as { indexedDB?: IDBFactory }).indexedDB;
        if ('indexedDB' in window) Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      },
    });
    const history = lab.page.getByRole('region', { name: 'Run history' });
    await lab.modelsPanel
      .getByRole('note')
      .filter({ hasText: /^Saving is unavailable in this browser/ })
      .waitFor({ timeout: 10_000 });
    await history
      .getByRole('note')
      .filter({ hasText: /^Runs are not being kept/ })
      .waitFor({ timeout: 10_000 });
    expect(await history.getByText(/kept here when it ends/).count(), 'no promise to keep runs').toBe(0);

    await lab.trainToEnd({ learningRate: '0.1', momentum: '0.5', epochs: '1' }, RUN_MS);
    await history
      .getByRole('alert')
      .filter({ hasText: /^The run could not be saved to the run history: this browser does not let the lab store anything/ })
      .waitFor({ timeout: 10_000 });
    expect(await lab.saveModel.isDisabled(), 'Save waits for storage that is not there').toBe(true);
    const [download] = await Promise.all([
      lab.page.waitForEvent('download', { timeout: 10_000 }),
      lab.modelsPanel.getByRole('button', { name: 'Download current model', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.mnistlab\.json$/);
    const text = await lab.page.locator('body').innerText();
    expect(text).not.toMatch(/Cannot read properties|undefined|\.\.(?!\.)/);
  });
});
