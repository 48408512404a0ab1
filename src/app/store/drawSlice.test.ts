import { beforeEach, describe, expect, it } from 'vitest';
import { UNDO_DEPTH } from './drawSlice.ts';
import { useLab } from './index.ts';

const initial = useLab.getState();
beforeEach(() => useLab.setState(initial, true));
const state = () => useLab.getState();

const dot = (x: number) => [{ x, y: 0.5 }];
const sample = [[{ x: 0.2, y: 0.2 }], [{ x: 0.3, y: 0.3 }], [{ x: 0.4, y: 0.4 }]];
const someProbs = { requestId: 1, probs: new Float32Array(10) };

describe('the pad’s Undo', () => {
  it('takes strokes back one at a time, and the prediction with the last one', () => {
    state().addStroke(dot(0.1));
    state().addStroke(dot(0.2));
    state().setPrediction(someProbs);
    state().undoStroke();
    expect(state().strokes).toEqual([dot(0.1)]);
    expect(state().prediction, 'still a drawing to predict').not.toBeNull();
    state().undoStroke();
    expect(state().strokes).toEqual([]);
    expect(state().prediction).toBeNull();
    expect(state().undo).toEqual([]);
    state().undoStroke();
    expect(state().strokes, 'nothing left to undo').toEqual([]);
  });

  it('takes a loaded sample back in one step, bringing back the drawing it replaced', () => {
    state().addStroke(dot(0.1));
    state().loadStrokes(sample);
    expect(state().strokes).toEqual(sample);
    state().undoStroke();
    expect(state().strokes).toEqual([dot(0.1)]);
    state().loadStrokes(sample);
    state().addStroke(dot(0.9));
    state().undoStroke();
    expect(state().strokes, 'a stroke on a sample is its own step').toEqual(sample);
  });

  it('has nothing to undo after Clear, which also drops the sample’s note', () => {
    state().addStroke(dot(0.1));
    state().loadStrokes(sample);
    state().setSampleNote({ code: 'loaded', digit: 3, index: 18 });
    state().clearPad();
    expect(state().strokes).toEqual([]);
    expect(state().undo).toEqual([]);
    expect(state().sampleNote).toBeNull();
  });

  it(`keeps the last ${UNDO_DEPTH} steps`, () => {
    for (let i = 0; i < UNDO_DEPTH + 20; i++) state().addStroke(dot(i / 1000));
    expect(state().undo).toHaveLength(UNDO_DEPTH);
    for (let i = 0; i < UNDO_DEPTH; i++) state().undoStroke();
    expect(state().strokes, 'the oldest steps are gone').toHaveLength(20);
  });
});
