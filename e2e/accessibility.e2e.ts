/**
 * axe-core over the page in the states a class sees: at rest, after a short
 * run (every chart, table and matrix filled, accuracy by rotation too), in present mode, and with the
 * keyboard shortcuts' dialog open. Each must have no violations of the WCAG
 * 2.x A and AA rules or axe's best practices.
 */
import { describe, expect, test } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.ts';
import type { LabPage } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

/** Page load, data, one epoch of 2,000 images on wasm, 1,000 validation and 10,000 test images, on a slow 2-core machine. */
const RUN_MS = 120_000;

let lab: LabPage;
labPerFile('?backend=wasm&trainLimit=2000&validation=1000', { name: 'accessibility' }, (s) => (lab = s.lab));

async function expectNoViolations(): Promise<void> {
  const violations = await axeViolations(lab.page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe('axe finds no violations', () => {
  test('at rest', async () => {
    await expectNoViolations();
  });

  test('after a short run', async () => {
    await lab.trainToEnd({ epochs: '1' }, RUN_MS);
    await expect.poll(() => lab.confusionMistakes.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Accuracy by rotation follows the run's end: its chart and table, and the drawing pad's turned copies.
    await lab.page.getByRole('table', { name: 'Accuracy by rotation', exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    await lab.page.getByRole('button', { name: 'Try rotations', exact: true }).click();
    await expectNoViolations();
  });

  test('in present mode', async () => {
    await lab.page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => lab.page.getByRole('button', { name: 'Present', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectNoViolations();
  });

  test('with the keyboard shortcuts open', async () => {
    await lab.page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
    await lab.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectNoViolations();
  });
});
