/**
 * The numbers behind the small charts, as the visually hidden tables give
 * them to a screen reader: which points the range test's table reads, which
 * epochs the schedule's table lists, and the table itself in pt-BR.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { PRESET } from '../../shared/settings.ts';

vi.mock('../lab.ts', () => ({ trainer: {}, predictDrawing: () => undefined }));
const { lossAtDecades } = await import('./RangeTestPanel.tsx');
const { SchedulePreview, scheduleEpochs } = await import('./SchedulePreview.tsx');

afterEach(() => void i18n.changeLanguage('en'));

describe('lossAtDecades', () => {
  // A sweep from 1e-6 to 0.3, ten points per decade: loss = its index.
  const data = Array.from({ length: 56 }, (_, i) => ({ lr: 1e-6 * 10 ** (i / 10), loss: i }));

  it('reads the point nearest each power of ten the sweep reached, and no other', () => {
    const rows = lossAtDecades(data);
    expect(rows.map((r) => r.loss)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(rows.map((r) => Number(r.lr.toPrecision(6)))).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
  });

  it('gives nothing before the first point', () => {
    expect(lossAtDecades([])).toEqual([]);
  });
});

describe('scheduleEpochs', () => {
  it('lists every epoch of a short run, and ten spread from the first to the last of a long one', () => {
    expect(scheduleEpochs(3, 10)).toEqual([0, 1, 2]);
    expect(scheduleEpochs(100, 10)).toEqual([0, 11, 22, 33, 44, 55, 66, 77, 88, 99]);
  });
});

describe('SchedulePreview', () => {
  it('names the picture and tables the learning rate per epoch, in pt-BR with decimal commas', async () => {
    await i18n.changeLanguage('pt-BR');
    const html = renderToStaticMarkup(<SchedulePreview settings={{ ...PRESET, schedule: 'step', epochs: 6 }} trainCount={640} />);
    expect(html).toContain('aria-label="Taxa de aprendizado ao longo do treino: de 0,01 a 0,001"');
    expect(html).toContain('<caption>Taxa de aprendizado no início de cada época</caption>');
    // Step decay: ×0.1 after five epochs.
    expect(html).toContain('<th scope="row">5</th><td>0,01</td>');
    expect(html).toContain('<th scope="row">6</th><td>0,001</td>');
    expect(html).toContain('<th scope="row">último lote</th><td>0,001</td>');
    expect(html).toContain('Taxa de aprendizado ao longo de 6 épocas (azul).');
  });
});
