/**
 * The upload path with a fake database and a fake worker: a file that fails
 * any check, or a load the worker refuses, stores nothing; an upload while
 * the network trains is refused before the file is even read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { encodeModelFile } from '../model/modelFile.ts';
import type { SavedModel } from '../model/modelFile.ts';
import { PRESET } from '../shared/settings.ts';
import { malformedVariants } from '../test-support/malformed.ts';

const db = vi.hoisted(() => ({
  saveModel: vi.fn(async () => 1),
  listModels: vi.fn(async () => ({ models: [], damaged: [] })),
  getModel: vi.fn(),
  deleteModel: vi.fn(async () => undefined),
}));
const worker = vi.hoisted(() => ({ loadParams: vi.fn(async () => ({ ok: true })), getParams: vi.fn() }));
vi.mock('./models/modelDb.ts', () => db);
vi.mock('./lab.ts', () => ({ trainer: worker, predictDrawing: () => undefined }));

const { uploadModelFile } = await import('./modelActions.ts');
const { useLab } = await import('./store/index.ts');

const model: SavedModel = {
  name: 'mine',
  savedAt: '2026-11-27T10:00:00.000Z',
  arch: ANN_MNIST,
  settings: PRESET,
  metrics: { epochsTrained: 2, testAccuracy: 0.9 },
  params: [new Float32Array(784 * 128), new Float32Array(128), new Float32Array(128 * 64), new Float32Array(64), new Float32Array(640), new Float32Array(10)],
};
const TEXT = encodeModelFile(model);
const file = (text: string, name = 'm.mnistlab.json') => new File([text], name, { type: 'application/json' });
/** The panel's message as it shows it now. */
const message = () => {
  const m = useLab.getState().modelsMessage;
  return m && { kind: m.kind, text: m.text() };
};

afterEach(() => void i18n.changeLanguage('en'));

beforeEach(() => {
  vi.clearAllMocks();
  useLab.setState({ run: null, race: null, rangeTest: null, model: null, modelsMessage: null });
});

describe('uploading a model file', () => {
  it('loads a valid file, then keeps it', async () => {
    await uploadModelFile(file(TEXT));
    expect(worker.loadParams).toHaveBeenCalledTimes(1);
    expect(db.saveModel).toHaveBeenCalledWith(expect.objectContaining({ name: 'mine', metrics: { epochsTrained: 2, testAccuracy: 0.9 } }));
    expect(message()).toEqual({ kind: 'info', text: 'Uploaded and loaded “mine”.' });
    expect(useLab.getState().model).toMatchObject({ source: 'loaded', name: 'mine' });
  });

  it('stores nothing when the worker refuses the weights', async () => {
    worker.loadParams.mockResolvedValueOnce({ ok: false, refusal: { code: 'busy' } } as never);
    await uploadModelFile(file(TEXT));
    expect(db.saveModel).not.toHaveBeenCalled();
    expect(message()).toEqual({ kind: 'error', text: 'The model could not be loaded: stop the current run before loading a model.' });
  });

  it('refuses before reading the file while a race trains, and stores nothing', async () => {
    useLab.getState().beginRace(3, PRESET, [
      { ...PRESET, learningRate: 0.1, momentum: 0.5 },
      { ...PRESET, learningRate: 1, momentum: 0.5 },
    ]);
    const f = file(TEXT);
    const read = vi.spyOn(f, 'text');
    await uploadModelFile(f);
    expect(read).not.toHaveBeenCalled();
    expect(worker.loadParams).not.toHaveBeenCalled();
    expect(db.saveModel).not.toHaveBeenCalled();
    expect(message()?.text).toMatch(/^A model cannot be loaded while the network is training/);
  });

  // One malformed file per field (modelFile.test.ts tries every wrong value; each upload here is a 600 KB file).
  // Through JSON, NaN and ±Infinity arrive as null, which a figure takes as "not available".
  const all = malformedVariants(JSON.parse(TEXT), {
    optional: ['metrics.testAccuracy', 'weights.littleEndian', 'weights.shapes'],
    nullable: ['metrics.testAccuracy'],
  }).filter((v) => !(v.path === 'metrics.testAccuracy' && typeof v.value === 'number'));
  const variants = all.filter((v, i) => all.findIndex((w) => w.path === v.path) === i);
  it(`stores nothing and uses nothing from any of ${variants.length} malformed files, and says which field`, async () => {
    for (const v of variants) {
      await uploadModelFile(file(JSON.stringify(v.doc) ?? 'undefined', 'bad.mnistlab.json'));
      const m = message();
      expect(m?.kind, v.change).toBe('error');
      expect(m?.text, v.change).toMatch(/^“bad\.mnistlab\.json”: This (file|model)/);
      if (v.path) expect(m?.text, v.change).toContain(v.path);
    }
    expect(worker.loadParams).not.toHaveBeenCalled();
    expect(db.saveModel).not.toHaveBeenCalled();
    expect(useLab.getState().model).toBeNull();
  });

  it('says it in the page’s language, even when the language changes after it was said', async () => {
    const bad = JSON.parse(TEXT);
    bad.metrics.epochsTrained = {};
    await uploadModelFile(file(JSON.stringify(bad), 'bad.mnistlab.json'));
    expect(message()?.text).toBe('“bad.mnistlab.json”: This model file is damaged: metrics.epochsTrained must be a number, not an object.');
    await i18n.changeLanguage('pt-BR');
    expect(message()?.text).toBe('“bad.mnistlab.json”: Este arquivo de modelo está danificado: metrics.epochsTrained deve ser um número, não um objeto.');
  });
});
