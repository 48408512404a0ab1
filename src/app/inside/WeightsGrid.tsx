/**
 * The first-layer weights: every unit's 28×28 tile on one canvas (one pixel
 * per weight, enlarged by CSS), a choice of colour scale with its legend, and
 * a text alternative naming the strongest units. Repainted only when new
 * weights arrive (about once a second while training) or the scale changes.
 */
import type { PointerEvent } from 'react';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { num } from '../format.ts';
import { useLab } from '../store/index.ts';
import type { ShownWeights, TileScale, TileView } from '../store/insideSlice.ts';
import { shownWeights, viewedTiles } from '../store/insideSlice.ts';
import type { WeightTiles } from '../../worker/protocol.ts';
import { divergingGradient } from './diverging.ts';
import { paintTiles, summariseTiles, tileBounds, tileLayout, unitAt } from './tiles.ts';

/** Weights to 3 decimals, signed: "+0.123", "−0.045". */
const signed = (v: number) => (v > 0 ? `+${num(v, 3)}` : v < 0 ? `−${num(-v, 3)}` : num(0, 3));

export function WeightsGrid() {
  const { t } = useTranslation();
  const liveWeights = useLab((s) => s.liveWeights);
  const replayEpoch = useLab((s) => s.replayEpoch);
  const replayWeights = useLab((s) => s.replayWeights);
  const scale = useLab((s) => s.tileScale);
  const setScale = useLab((s) => s.setTileScale);
  const initial = useLab((s) => s.initialWeights);
  const chosenView = useLab((s) => s.tileView);
  const setView = useLab((s) => s.setTileView);
  // Deferred: while the Epoch slider is dragged, painting 100,000 weights yields to the slider and the charts.
  const shown = useDeferredValue(useMemo(() => shownWeights({ liveWeights, replayEpoch, replayWeights }), [liveWeights, replayEpoch, replayWeights]));
  // A loaded model has no start to compare with.
  const view: TileView = initial ? chosenView : 'weights';

  return (
    <section className="inside__weights" aria-labelledby="inside-weights-heading">
      <h3 id="inside-weights-heading">{t('inside.weights.heading')}</h3>
      {shown ? (
        <TilesView shown={shown} initial={initial} view={view} scale={scale} replaying={replayEpoch !== null} t={t} />
      ) : (
        <p className="muted">{t('inside.weights.none')}</p>
      )}
      <fieldset className="segmented inside__scale">
        <legend className="sr-only">{t('inside.weights.view')}</legend>
        {(['weights', 'change'] as const).map((v) => (
          <label key={v} className="segmented__option">
            <input type="radio" name="tile-view" value={v} checked={view === v} disabled={v === 'change' && !initial} onChange={() => setView(v)} />
            <span>{v === 'weights' ? t('inside.weights.viewWeights') : t('inside.weights.viewChange')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented inside__scale">
        <legend className="sr-only">{t('inside.weights.scale')}</legend>
        {(['shared', 'tile'] as const).map((s) => (
          <label key={s} className="segmented__option">
            <input type="radio" name="tile-scale" value={s} checked={scale === s} onChange={() => setScale(s)} />
            <span>{s === 'shared' ? t('inside.weights.scaleShared') : t('inside.weights.scaleTile')}</span>
          </label>
        ))}
      </fieldset>
      <p className="eval-explain">{shown?.weights.output ? t('inside.weights.explainOutput') : t('inside.weights.explain')}</p>
      {view === 'change' ? <p className="eval-explain">{t('inside.weights.explainChange')}</p> : null}
    </section>
  );
}

function whenTaken(shown: ShownWeights, replaying: boolean, t: TFunction): string {
  if (shown.epoch === null) return t('inside.weights.loaded');
  if (replaying) return t('inside.weights.replay', { epoch: num(shown.epoch, 0) });
  if (shown.epoch === 0) return t('inside.weights.initial');
  return t('inside.weights.live', { count: shown.epoch, epoch: num(shown.epoch, 0, 1) });
}

interface TilesProps {
  shown: ShownWeights;
  initial: WeightTiles | null;
  view: TileView;
  scale: TileScale;
  replaying: boolean;
  t: TFunction;
}

function TilesView({ shown, initial, view, scale, replaying, t }: TilesProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const summaryId = useId();
  const weights = useMemo(() => viewedTiles(shown.weights, initial, view), [shown.weights, initial, view]);
  const layout = useMemo(() => tileLayout(weights.units), [weights.units]);
  const bounds = useMemo(() => tileBounds(weights, scale), [weights, scale]);
  const [pointed, setPointed] = useState<number | null>(null);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const t0 = performance.now();
    ctx.putImageData(new ImageData(paintTiles(weights, layout, bounds) as Uint8ClampedArray<ArrayBuffer>, layout.width, layout.height), 0, 0);
    // What painting costs the page (read by `npm run bench`).
    ref.current?.setAttribute('data-paint-ms', (performance.now() - t0).toFixed(2));
  }, [weights, layout, bounds]);

  const summary = useMemo(() => summaryText(weights, t), [weights, t]);
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = Math.floor(((e.clientX - box.left) / box.width) * layout.width);
    const y = Math.floor(((e.clientY - box.top) / box.height) * layout.height);
    setPointed(unitAt(layout, weights.units, x, y));
  };
  const pointedText = useMemo(() => (pointed === null ? null : unitText(weights, pointed, t)), [weights, pointed, t]);

  return (
    <figure className="inside__figure">
      <canvas
        ref={ref}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={t(view === 'change' ? 'inside.weights.labelChange' : 'inside.weights.label', { count: weights.units })}
        aria-describedby={summaryId}
        className="inside__tiles"
        // Up to 3 CSS px a weight, never wider than the panel.
        style={{ width: `min(100%, ${layout.width * 3}px)` }}
        onPointerMove={onMove}
        onPointerLeave={() => setPointed(null)}
      />
      <figcaption>
        <span className="inside__when">{whenTaken(shown, replaying, t)}</span>
        <span className="inside__pointed" aria-hidden="true">
          {pointedText ?? t('inside.weights.hover')}
        </span>
        <Legend scale={scale} bound={bounds[0] ?? 0} t={t} />
        <span id={summaryId} className="sr-only">
          {summary}
        </span>
      </figcaption>
    </figure>
  );
}

function Legend({ scale, bound, t }: { scale: TileScale; bound: number; t: TFunction }) {
  const text = scale === 'shared' ? t('inside.weights.legendShared', { bound: num(bound, 3) }) : t('inside.weights.legendTile');
  return (
    <span className="inside__legend">
      <span className="inside__legend-bar" style={{ background: divergingGradient() }} aria-hidden="true" />
      <span className="inside__legend-ends" aria-hidden="true">
        <span>{scale === 'shared' ? `−${num(bound, 3)}` : '−'}</span>
        <span>0</span>
        <span>{scale === 'shared' ? `+${num(bound, 3)}` : '+'}</span>
      </span>
      <span className="inside__legend-text">{text}</span>
    </span>
  );
}

function summaryText(w: WeightTiles, t: TFunction): string {
  const s = summariseTiles(w, 3);
  const units = (list: { unit: number }[]) => list.map((u) => num(u.unit, 0)).join(', ');
  return t('inside.weights.summary', {
    min: signed(s.min),
    minUnit: num(s.mostNegative[0]?.unit ?? 0, 0),
    max: signed(s.max),
    maxUnit: num(s.mostPositive[0]?.unit ?? 0, 0),
    positive: units(s.mostPositive),
    negative: units(s.mostNegative),
  });
}

function unitText(w: WeightTiles, unit: number, t: TFunction): string {
  let min = Infinity;
  let max = -Infinity;
  for (let i = unit * 784; i < (unit + 1) * 784; i++) {
    min = Math.min(min, w.tiles[i]);
    max = Math.max(max, w.tiles[i]);
  }
  return t('inside.weights.unit', { unit: num(unit, 0), min: signed(min), max: signed(max) });
}
