/**
 * "Try rotations" as it shows: the button, and once pressed the drawing
 * turned by each angle with the digit the network reads and its
 * probability. TryRotations.tsx connects it to the store.
 */
import { useTranslation } from 'react-i18next';
import { argmaxRows } from '../../../metrics/argmax.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../../../data/dataset.ts';
import { num, pct } from '../../format.ts';
import type { RotatedPrediction } from '../../store/rotationSlice.ts';
import { GrayCanvas } from '../draw/GrayCanvas.tsx';

interface ViewProps {
  on: boolean;
  rotated: RotatedPrediction | null;
  /** Something is drawn on the pad. */
  drawn: boolean;
  onToggle(): void;
}

export function TryRotationsView({ on, rotated, drawn, onToggle }: ViewProps) {
  const { t } = useTranslation();

  let note: string | null = null;
  if (on && !drawn) note = t('rotation.try.empty');
  else if (on && rotated?.answered && !rotated.probs) note = t('rotation.try.noModel');

  return (
    <div className="rotation-try">
      <div>
        <button type="button" aria-pressed={on} onClick={onToggle}>
          {on ? t('rotation.try.hide') : t('rotation.try.show')}
        </button>
      </div>
      {note ? <p className="draw-pad__hint">{note}</p> : null}
      {on && rotated ? (
        <ul className="rotation-try__list" aria-label={t('rotation.try.label')}>
          {rotated.angles.map((angle, k) => {
            const angleText = t('rotation.angle', { value: num(angle) });
            const probs = rotated.probs?.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES);
            const digit = probs ? argmaxRows(probs, NUM_CLASSES)[0] : null;
            const answer = probs && digit !== null ? t('rotation.try.answer', { digit, p: pct(probs[digit], 0) }) : t('rotation.try.waiting');
            return (
              <li key={angle} className="rotation-try__item">
                <GrayCanvas
                  data={rotated.images.subarray(k * IMAGE_SIZE, (k + 1) * IMAGE_SIZE)}
                  w={28}
                  h={28}
                  cssWidth={56}
                  cssHeight={56}
                  label={t('rotation.try.image', { angle: num(angle) })}
                />
                <span className="rotation-try__angle">{angleText}</span>
                <span>{rotated.probs || !rotated.answered ? answer : null}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
