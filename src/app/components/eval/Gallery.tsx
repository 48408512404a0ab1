/**
 * The images of one confusion-matrix cell, in a modal dialog. A native
 * <dialog> opened with showModal() makes the rest of the page inert and keeps
 * Tab inside; Escape (its 'cancel' event) and Close both clear the store's
 * gallery, which unmounts the dialog and returns focus to the cell pressed.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Examples } from '../../../worker/protocol.ts';
import { useLab } from '../../store/index.ts';
import type { GalleryState } from '../../store/evalSlice.ts';
import { galleryItems, inkPixels, itemCaption, probText, SIDE } from './digitImage.ts';
import { imagesText } from './confusionCells.ts';
import { count } from '../../format.ts';
import { useModalDialog } from '../../useModalDialog.ts';

export function Gallery() {
  const gallery = useLab((s) => s.gallery);
  // Keyed by request: a new cell is a new dialog, with its own opener to return to.
  return gallery ? <GalleryDialog key={gallery.requestId} gallery={gallery} /> : null;
}

function GalleryDialog({ gallery }: { gallery: GalleryState }) {
  const { t } = useTranslation();
  const close = useLab((s) => s.closeGallery);
  const { dialog, closeButton } = useModalDialog();
  const title = t(`eval.gallery.title.${gallery.set}`, { digit: gallery.trueDigit, predicted: gallery.predictedDigit });

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click is a mouse shortcut; keys have Escape (onCancel) and the Close button.
    <dialog
      ref={dialog}
      aria-label={title}
      className="gallery"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      // A click on the backdrop lands on the <dialog> itself; clicks on its content land on .gallery__body.
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="gallery__body">
        <div className="gallery__head">
          <h2>{title}</h2>
          <button ref={closeButton} type="button" onClick={close}>
            {t('eval.gallery.close')}
          </button>
        </div>
        {gallery.examples ? <GalleryGrid examples={gallery.examples} /> : <p role="status">{t('eval.gallery.loading')}</p>}
      </div>
    </dialog>
  );
}

function GalleryGrid({ examples }: { examples: Examples }) {
  const { t } = useTranslation();
  const items = useMemo(() => galleryItems(examples), [examples]);
  const { trueDigit, predictedDigit, total } = examples;
  const shown = items.length < total ? t('eval.gallery.showing', { shown: count(items.length), images: imagesText(total) }) : imagesText(total);
  const digits = { digit: trueDigit, predicted: predictedDigit };
  return (
    <>
      <p role="status" className="gallery__count">
        {shown}
        {items.length > 1 ? t('eval.gallery.confidentFirst') : ''}
        {trueDigit === predictedDigit ? t('eval.gallery.under', digits) : t('eval.gallery.underMistake', digits)}
      </p>
      {items.length === 0 ? <p className="eval-hint">{t('eval.gallery.empty')}</p> : null}
      <ul className="gallery__grid">
        {items.map((item) => {
          const caption = itemCaption(item, trueDigit, predictedDigit);
          return (
            <li key={item.slot}>
              <figure>
                <DigitCanvas
                  images={examples.images}
                  slot={item.slot}
                  label={t('eval.gallery.image', {
                    index: item.index,
                    predicted: predictedDigit,
                    pPredicted: probText(item.pPredicted),
                    digit: trueDigit,
                    pTrue: probText(item.pTrue),
                  })}
                />
                <figcaption>{caption}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function DigitCanvas({ images, slot, label }: { images: Uint8Array; slot: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    ctx?.putImageData(new ImageData(inkPixels(images, slot), SIDE, SIDE), 0, 0);
  }, [images, slot]);
  return <canvas ref={canvas} width={SIDE} height={SIDE} className="gallery__image" role="img" aria-label={label} />;
}
