/**
 * "Load a sample": ten buttons that put one of the MNIST test set's
 * handwritten digits on the pad, the pad's keyboard alternative to drawing
 * (with Undo and Clear). Pressed again, a button shows the next such digit.
 * What happened is said in a polite live region (not role="status": the
 * panel's one status is the prediction).
 */
import { useTranslation } from 'react-i18next';
import { count } from '../../format.ts';
import { loadSample } from '../../lab.ts';
import { useLab } from '../../store/index.ts';
import type { SampleNote } from '../../store/drawSlice.ts';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function SampleDigits() {
  const { t } = useTranslation();
  const note = useLab((s) => s.sampleNote);
  return (
    <fieldset className="draw-samples">
      <legend>{t('keys.samples.legend')}</legend>
      <div className="draw-samples__buttons">
        {DIGITS.map((d) => (
          <button key={d} type="button" aria-label={t('keys.samples.button', { digit: d })} onClick={() => loadSample(d)}>
            {d}
          </button>
        ))}
      </div>
      <p className="draw-samples__hint">{t('keys.samples.hint')}</p>
      <p className="draw-samples__note" aria-live="polite">
        {note ? noteText(note, t) : ''}
      </p>
    </fieldset>
  );
}

function noteText(note: SampleNote, t: ReturnType<typeof useTranslation>['t']): string {
  switch (note.code) {
    case 'loaded':
      return t('keys.samples.loaded', { digit: note.digit, index: count(note.index) });
    case 'loading':
      return t('keys.samples.loading');
    case 'unavailable':
      return t('keys.samples.unavailable');
  }
}
