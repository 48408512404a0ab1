/**
 * "Accuracy by rotation" and "Try rotations" as rendered in Node: the names
 * and texts people and the end-to-end tests find them by.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ROTATION_ANGLES } from '../../../data/rotatedSets.ts';
import { PRESET } from '../../../shared/settings.ts';
import { doneRace, raceRun } from '../../history/testFixtures.ts';
import { raceRunNames } from '../../runNames.ts';
import { RotationView } from './RotationView.tsx';
import { rotationLines } from './rotationLines.ts';
import { lineName } from './rotationWords.ts';
import { TryRotationsView } from './TryRotationsView.tsx';

const rows = (acc: number[]) => ROTATION_ANGLES.map((angleDeg, i) => ({ angleDeg, accuracy: acc[i] }));
const noop = () => {};
const view = (over: Partial<Parameters<typeof RotationView>[0]>) =>
  renderToStaticMarkup(<RotationView lines={[]} names={[]} pending={false} progress={null} problem={null} onMeasure={null} {...over} />);

describe('RotationView', () => {
  it('tabulates one row per run, a comparison’s runs named by their augmentation, a column per angle', () => {
    const race = doneRace([
      { ...raceRun(0.01, 'finished', [0.9]), settings: PRESET, rotation: rows([0.3, 0.6, 0.85, 0.93, 0.86, 0.61, 0.35]) },
      { ...raceRun(0.01, 'finished', [0.9]), settings: { ...PRESET, rotationDeg: 30 }, rotation: rows([0.64, 0.84, 0.9, 0.92, 0.9, 0.83, 0.62]) },
    ]);
    const lines = rotationLines({ run: null, race, model: null, modelRotation: null, history: [], historySelected: [] });
    const names = lines.map((l) => lineName(l, raceRunNames(race.runs)));
    const html = view({ lines, names });
    expect(html).toContain('aria-label="Accuracy by rotation"');
    expect(html).toContain('Accuracy by rotation chart: 2 lines');
    for (const a of ROTATION_ANGLES) expect(html).toContain(`>${a}°</th>`);
    expect(html).toMatch(/no rotation<\/th><td>30\.0%<\/td><td>60\.0%/);
    expect(html).toMatch(/rotation ±30°<\/th><td>64\.0%/);
    expect(html).not.toContain('Measure accuracy by rotation');
  });

  it('says a measurement is on its way, offers one for a model without, and words a refusal', () => {
    expect(view({ pending: true, progress: { done: 30, total: 120 } })).toMatch(/role="status"[^>]*>Measuring accuracy by rotation.*25%</);
    const offer = view({ onMeasure: noop });
    expect(offer).toMatch(/<button[^>]*>Measure accuracy by rotation</);
    expect(offer).not.toContain('<table');
    expect(view({ problem: 'busy' })).toMatch(/role="alert"[^>]*>The worker was busy/);
  });
});

describe('TryRotationsView', () => {
  const images = new Float32Array(7 * 784);

  it('is a button until pressed, then the drawing at each angle with the digit read and its probability', () => {
    expect(renderToStaticMarkup(<TryRotationsView on={false} rotated={null} drawn onToggle={noop} />)).toMatch(
      /<button[^>]*aria-pressed="false"[^>]*>Try rotations</,
    );
    const probs = new Float32Array(70).fill(0.01);
    ROTATION_ANGLES.forEach((_, k) => (probs[k * 10 + (k < 3 ? 7 : 1)] = 0.91));
    const html = renderToStaticMarkup(
      <TryRotationsView on drawn onToggle={noop} rotated={{ requestId: 1, images, angles: ROTATION_ANGLES, probs, answered: true }} />,
    );
    expect(html).toMatch(/aria-pressed="true"[^>]*>Hide rotations</);
    expect(html).toContain('aria-label="Your drawing, turned"');
    expect(html.match(/aria-label="Your drawing turned by -?\d+°"/g)).toHaveLength(7);
    expect(html).toContain('7 (91%)');
    expect(html).toContain('1 (91%)');
  });

  it('says there is no network when the worker has none, and asks for a drawing when the pad is empty', () => {
    const none = { requestId: 1, images, angles: ROTATION_ANGLES, probs: null, answered: true };
    expect(renderToStaticMarkup(<TryRotationsView on drawn onToggle={noop} rotated={none} />)).toContain('There is no network to ask yet');
    expect(renderToStaticMarkup(<TryRotationsView on drawn={false} onToggle={noop} rotated={null} />)).toContain('Draw a digit to see it turned.');
  });
});
