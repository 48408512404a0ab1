/**
 * "Draw a digit": connects the pad, the preview and the bars to the store,
 * and asks for a prediction after every change of the drawing.
 *
 * The section is not labelled by its heading on purpose: the pad's canvas is
 * the one element named "Draw a digit", so `getByLabel('Draw a digit')`
 * finds it unambiguously.
 */
import { useCallback } from 'react';
import { predictDrawing } from '../../lab.ts';
import type { Stroke } from '../../store/drawSlice.ts';
import { useLab } from '../../store/index.ts';
import { DigitPreview } from './DigitPreview.tsx';
import { DrawingPad } from './DrawingPad.tsx';
import { ProbabilityBars } from './ProbabilityBars.tsx';
import { TryRotations } from '../rotation/TryRotations.tsx';
import './draw.css';

export function DrawPanel() {
  const strokes = useLab((s) => s.strokes);
  const prediction = useLab((s) => s.prediction);
  const addStroke = useLab((s) => s.addStroke);
  const undoStroke = useLab((s) => s.undoStroke);
  const clearPad = useLab((s) => s.clearPad);

  const onStroke = useCallback(
    (s: Stroke) => {
      addStroke(s);
      predictDrawing();
    },
    [addStroke],
  );
  // Undoing the last stroke leaves an empty pad: predictDrawing then clears the prediction.
  const onUndo = useCallback(() => {
    undoStroke();
    predictDrawing();
  }, [undoStroke]);

  return (
    <section className="panel draw">
      <h2>Draw a digit</h2>
      <p className="draw__why">
        The network has only seen MNIST digits, each cropped, scaled to fit a 20×20 box and centred by its mass in 28×28, so your drawing goes through the same
        steps first; without them a digit drawn small or off-centre looks like nothing it has learned.
      </p>
      <div className="draw__body">
        <DrawingPad strokes={strokes} onStroke={onStroke} onUndo={onUndo} onClear={clearPad} />
        <DigitPreview strokes={strokes} />
        <ProbabilityBars prediction={prediction} />
      </div>
      <TryRotations />
    </section>
  );
}
