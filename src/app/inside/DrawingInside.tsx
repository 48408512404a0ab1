/**
 * The drawing on the pad seen from inside: its 28×28 input with the saliency
 * painted over it, each hidden layer's activations as a strip of cells, and
 * the output's ten probabilities. Follows the live weights, or the epoch the
 * slider replays; the last answer stays up until the next arrives.
 */
import type { ReactNode } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { preprocess } from '../../draw/preprocess.ts';
import { CORRECT_RAMP, rampColour, readableText } from '../components/eval/colourScale.ts';
import { listAnd, num, pct } from '../format.ts';
import { useLab } from '../store/index.ts';
import type { Inspection } from '../../model/inspect.ts';
import { activeCount, saliencyPeaks, saliencyRgba, stripRgba, topUnits } from './drawingView.ts';

/** 6 CSS px per input pixel. */
const INPUT_CSS = 168;

export function DrawingInside() {
  const { t } = useTranslation();
  const strokes = useLab((s) => s.strokes);
  const inspection = useLab((s) => s.inspection);
  const input = useMemo(() => preprocess(strokes)?.centred ?? null, [strokes]);

  let body: ReactNode;
  if (!input) body = <p className="muted">{t('inside.drawing.empty')}</p>;
  else if (!inspection) body = <p className="muted">{t('inside.drawing.waiting')}</p>;
  else if (!inspection.result) body = <p className="muted">{t('inside.drawing.noModel')}</p>;
  else body = <Seen input={input} result={inspection.result} asked={inspection.asked} epoch={inspection.epoch} t={t} />;

  return (
    <section className="inside__drawing" aria-labelledby="inside-drawing-heading">
      <h3 id="inside-drawing-heading">{t('inside.drawing.heading')}</h3>
      {body}
    </section>
  );
}

function Seen({ input, result, asked, epoch, t }: { input: Float32Array; result: Inspection; asked: number | null; epoch: number | null; t: TFunction }) {
  const digit = num(result.digit, 0);
  const peaks = saliencyPeaks(result.saliency);
  const overlay = useMemo(() => saliencyRgba(input, result.saliency), [input, result.saliency]);
  return (
    <>
      {epoch !== null ? (
        <p className="inside__replay-note">
          {asked !== null && asked !== epoch
            ? t('inside.drawing.replayNearest', { epoch: num(epoch, 0), asked: num(asked, 0) })
            : t('inside.drawing.replay', { epoch: num(epoch, 0) })}
        </p>
      ) : null}
      <div className="inside__drawing-body">
        <figure className="inside__figure inside__saliency">
          <RgbaCanvas
            rgba={overlay}
            width={28}
            height={28}
            cssWidth={INPUT_CSS}
            cssHeight={INPUT_CSS}
            label={t('inside.drawing.saliencyLabel', {
              digit,
              upRow: num(peaks.up.row + 1, 0),
              upColumn: num(peaks.up.column + 1, 0),
              downRow: num(peaks.down.row + 1, 0),
              downColumn: num(peaks.down.column + 1, 0),
            })}
          />
          <figcaption>{t('inside.drawing.saliencyCaption', { digit })}</figcaption>
        </figure>
        <div className="inside__strips">
          {result.layers.map((values, i) => (
            <LayerStrip key={i} index={i + 1} values={values} t={t} />
          ))}
          <OutputStrip logProbs={result.logProbs} top={result.digit} t={t} />
        </div>
      </div>
      <p className="eval-explain">{t('inside.drawing.saliencyExplain', { digit })}</p>
      <p className="eval-explain">{t('inside.drawing.stripsExplain')}</p>
    </>
  );
}

function LayerStrip({ index, values, t }: { index: number; values: Float32Array; t: TFunction }) {
  const active = activeCount(values);
  const rgba = useMemo(() => stripRgba(values), [values]);
  const top = topUnits(values, 3)
    .map((u) => t('inside.drawing.unitValue', { unit: num(u.unit, 0), value: num(u.value, 2) }))
    .join(', ');
  return (
    <figure className="inside__strip">
      <figcaption>{t('inside.drawing.layer', { index, count: values.length, units: num(values.length, 0), active: num(active, 0) })}</figcaption>
      <RgbaCanvas
        rgba={rgba}
        width={values.length}
        height={1}
        cssWidth="100%"
        cssHeight={18}
        label={t('inside.drawing.layerLabel', { index, units: num(values.length, 0), active: num(active, 0), top })}
      />
    </figure>
  );
}

function OutputStrip({ logProbs, top, t }: { logProbs: Float32Array; top: number; t: TFunction }) {
  const probs = Array.from(logProbs, Math.exp);
  const list = listAnd(probs.map((p, d) => t('inside.drawing.digitValue', { digit: d, percent: pct(p, 0) })));
  return (
    <figure className="inside__strip">
      <figcaption>{t('inside.drawing.output')}</figcaption>
      <ol className="inside__output" aria-label={t('inside.drawing.outputLabel', { list })}>
        {probs.map((p, d) => {
          const background = rampColour(CORRECT_RAMP, p);
          return (
            <li
              key={d}
              className={d === top ? 'inside__digit inside__digit--top' : 'inside__digit'}
              style={{ background, color: readableText(background) }}
              aria-hidden="true"
            >
              {d}
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

function RgbaCanvas(props: { rgba: Uint8ClampedArray; width: number; height: number; cssWidth: number | string; cssHeight: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { rgba, width, height } = props;
  useEffect(() => {
    ref.current?.getContext('2d')?.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      role="img"
      aria-label={props.label}
      className="inside__pixels"
      style={{ width: props.cssWidth, height: props.cssHeight }}
    />
  );
}
