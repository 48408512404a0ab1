/**
 * The 28×28 image the network receives, and on request each step that made
 * it: the point is to show that the drawing is normalised like MNIST before
 * the network sees it.
 */
import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stroke } from '../../store/drawSlice.ts';
import { preprocess } from '../../../draw/preprocess.ts';
import { GrayCanvas } from './GrayCanvas.tsx';
import { fitCss } from './grayPixels.ts';

/** Enlargement of the input image: 5 CSS px per MNIST pixel. */
const INPUT_CSS = 140;
/** Each step's image, CSS px. */
const STEP_CSS = 84;

interface Props {
  strokes: readonly Stroke[];
  strokeWidth?: number;
}

export function DigitPreview({ strokes, strokeWidth }: Props) {
  const { t } = useTranslation();
  const result = useMemo(() => preprocess(strokes, { strokeWidth }), [strokes, strokeWidth]);
  const [showSteps, setShowSteps] = useState(false);
  const stepsId = useId();
  const box = result ? fitCss(result.boxW, result.boxH, STEP_CSS) : null;

  return (
    <div className="draw-preview">
      <figure className="draw-figure">
        <GrayCanvas data={result?.centred ?? null} w={28} h={28} cssWidth={INPUT_CSS} cssHeight={INPUT_CSS} label={t('draw.preview.input')} />
        <figcaption>{t('draw.preview.caption')}</figcaption>
      </figure>
      <label className="toggle draw-preview__toggle">
        <input type="checkbox" checked={showSteps} onChange={(e) => setShowSteps(e.target.checked)} aria-controls={stepsId} /> {t('draw.preview.showSteps')}
      </label>
      <div id={stepsId} hidden={!showSteps}>
        {showSteps && result && box ? (
          <ol className="draw-steps" aria-label={t('draw.preview.steps')}>
            <Step caption={t('draw.preview.drawn')}>
              <GrayCanvas
                data={result.raw}
                w={result.rawSize}
                h={result.rawSize}
                cssWidth={STEP_CSS}
                cssHeight={STEP_CSS}
                label={t('draw.preview.drawnImage', { size: result.rawSize })}
                pixelated={false}
              />
            </Step>
            <Step caption={t('draw.preview.cropped')}>
              <GrayCanvas
                data={result.box}
                w={result.boxW}
                h={result.boxH}
                cssWidth={box.width}
                cssHeight={box.height}
                label={t('draw.preview.croppedImage', { w: result.boxW, h: result.boxH })}
                pixelated={false}
              />
            </Step>
            <Step caption={t('draw.preview.scaled')}>
              <GrayCanvas data={result.fit20} w={20} h={20} cssWidth={STEP_CSS} cssHeight={STEP_CSS} label={t('draw.preview.scaledImage')} />
            </Step>
            <Step caption={t('draw.preview.centred')}>
              <GrayCanvas data={result.centred} w={28} h={28} cssWidth={STEP_CSS} cssHeight={STEP_CSS} label={t('draw.preview.centredImage')} />
            </Step>
          </ol>
        ) : showSteps ? (
          <p className="muted">{t('draw.preview.drawFirst')}</p>
        ) : null}
      </div>
    </div>
  );
}

function Step({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <li>
      <figure className="draw-figure">
        <div className="draw-step__image">{children}</div>
        <figcaption>{caption}</figcaption>
      </figure>
    </li>
  );
}
