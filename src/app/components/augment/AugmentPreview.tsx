/**
 * "What training sees": the run's first 16 training images of epoch 1, as
 * the worker's batch source augments them for this run (same split, order
 * and seed), beside the augmentation settings. Each image is named by its
 * digit; a change of a setting redraws them (useAugmentPreview). Its
 * stylesheet is the page's (App.tsx), so Node tests render the form.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSettings } from '../../../shared/settings.ts';
import { inkPixels, SIDE } from '../eval/digitImage.ts';
import { useAugmentPreview } from './useAugmentPreview.ts';

export function AugmentPreview({ settings }: { settings: RunSettings | null }) {
  const { t } = useTranslation();
  const preview = useAugmentPreview(settings);
  return (
    <div className="augment-preview">
      <h3 className="augment-preview__heading">{t('augment.preview.heading')}</h3>
      {/* One height whatever it shows: the grid arriving must not move the page (Chrome's scroll anchoring would shift the drawing pad under a stroke). */}
      <div className="augment-preview__stage">
        {preview.status === 'ready' ? (
          <ul className="augment-preview__grid" aria-label={t('augment.preview.label')}>
            {Array.from(preview.labels, (digit, i) => (
              <li key={i}>
                <PreviewImage images={preview.images} index={i} label={t('augment.preview.image', { n: i + 1, digit })} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint" role="status">
            {t(`augment.preview.${preview.status}`)}
          </p>
        )}
      </div>
      <p className="field__hint">{t('augment.preview.caption')}</p>
    </div>
  );
}

function PreviewImage({ images, index, label }: { images: Uint8Array; index: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    canvas.current?.getContext('2d')?.putImageData(new ImageData(inkPixels(images, index), SIDE, SIDE), 0, 0);
  }, [images, index]);
  return <canvas ref={canvas} width={SIDE} height={SIDE} className="augment-preview__image" role="img" aria-label={label} />;
}
