/**
 * A logarithmic slider for the learning rate: equal distances are equal
 * factors (0.001 → 0.01 → 0.1), which is how learning rates behave.
 */
import { useTranslation } from 'react-i18next';
import { LEARNING_RATE_RANGE } from '../../shared/settings.ts';
import { settingNumber } from '../format.ts';

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

/** The ticks under the slider, one per two decades. */
const TICKS = [1e-5, 1e-3, 0.1, 10];

export function LearningRateSlider({ value, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const pos = Math.min(MAX, Math.max(MIN, Math.log10(value)));
  return (
    <div className="lr-slider">
      <input
        type="range"
        aria-label={t('tuning.slider')}
        min={MIN}
        max={MAX}
        step={0.05}
        value={pos}
        disabled={disabled}
        aria-valuetext={settingNumber(roundRate(value))}
        onChange={(e) => onChange(roundRate(10 ** Number(e.target.value)))}
      />
      <div className="lr-slider__ticks" aria-hidden="true">
        {TICKS.map((v) => (
          <span key={v}>{settingNumber(v)}</span>
        ))}
      </div>
    </div>
  );
}
