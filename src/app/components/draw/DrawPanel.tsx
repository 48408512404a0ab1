/**
 * "Draw a digit": connects the pad, the preview and the bars to the store,
 * and asks for a prediction after every change of the drawing.
 *
 * The section is not labelled by its heading on purpose: the pad's canvas is
 * the one element named "Draw a digit", so `getByLabel('Draw a digit')`
 * finds it unambiguously.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { predictDrawing } from '../../lab.ts';
import type { Stroke } from '../../store/drawSlice.ts';
import { useLab } from '../../store/index.ts';
import { useShownPrediction } from '../../inside/useShownPrediction.ts';
import { DigitPreview } from './DigitPreview.tsx';
import { DrawingPad } from './DrawingPad.tsx';
import { ProbabilityBars } from './ProbabilityBars.tsx';
import { SampleDigits } from './SampleDigits.tsx';
import { TryRotations } from '../rotation/TryRotations.tsx';
import './draw.css';

export function DrawPanel() {
  const { t } = useTranslation();
  const strokes = useLab((s) => s.strokes);
  const canUndo = useLab((s) => s.undo.length > 0);
  // Live, or at the epoch the Epoch slider replays.
  const prediction = useShownPrediction();
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
      <h2>{t('draw.heading')}</h2>
      <p className="draw__why">{t('draw.why')}</p>
      <div className="draw__body">
        <DrawingPad strokes={strokes} onStroke={onStroke} onUndo={onUndo} onClear={clearPad} canUndo={canUndo}>
          <SampleDigits />
        </DrawingPad>
        <DigitPreview strokes={strokes} />
        <ProbabilityBars prediction={prediction} />
      </div>
      <TryRotations />
    </section>
  );
}
