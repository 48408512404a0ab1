/**
 * "Try rotations" on the drawing pad: the drawing, after MNIST's
 * preprocessing, turned by each angle of "Accuracy by rotation" (the same
 * rotateImage the test sets go through), each with the digit the network
 * reads and its probability. It follows the drawing while it is on.
 */
import { setTryRotations } from '../../rotationActions.ts';
import { useLab } from '../../store/index.ts';
import { TryRotationsView } from './TryRotationsView.tsx';
import './rotation.css';

export function TryRotations() {
  const on = useLab((s) => s.tryRotations);
  const rotated = useLab((s) => s.rotatedPrediction);
  const drawn = useLab((s) => s.strokes.length > 0);
  return <TryRotationsView on={on} rotated={rotated} drawn={drawn} onToggle={() => setTryRotations(!on)} />;
}
