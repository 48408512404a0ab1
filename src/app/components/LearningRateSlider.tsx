/**
 * A logarithmic slider for the learning rate: equal distances are equal
 * factors (0.001 → 0.01 → 0.1), which is how learning rates behave.
 */
import { LEARNING_RATE_RANGE } from '../../shared/settings.ts';

const MIN = Math.log10(LEARNING_RATE_RANGE.min);
const MAX = Math.log10(LEARNING_RATE_RANGE.max);

/** Two significant digits: 0.0123 → 0.012, 3.16 → 3.2. */
export function roundRate(lr: number): number {
  return Number(lr.toPrecision(2));
}

interface Props {
  /** The last valid learning rate (the slider stays put while the text is invalid). */
  value: number;
  disabled?: boolean;
  onChange(lr: number): void;
}

export function LearningRateSlider({ value, disabled, onChange }: Props) {
  const pos = Math.min(MAX, Math.max(MIN, Math.log10(value)));
  return (
    <div className="lr-slider">
      <input
        type="range"
        aria-label="Learning rate (log scale)"
        min={MIN}
        max={MAX}
        step={0.05}
        value={pos}
        disabled={disabled}
        aria-valuetext={String(roundRate(value))}
        onChange={(e) => onChange(roundRate(10 ** Number(e.target.value)))}
      />
      <div className="lr-slider__ticks" aria-hidden="true">
        <span>1e-5</span>
        <span>1e-3</span>
        <span>0.1</span>
        <span>10</span>
      </div>
    </div>
  );
}
