/**
 * The pad: pointer strokes in, pad-coordinate strokes out. It keeps only the
 * stroke being drawn; finished strokes live in the store and are passed back
 * as `strokes`, so Undo and Clear repaint from the same source the
 * preprocessing reads.
 *
 * On screen each stroke is the polyline of its recorded points with round
 * caps and joins at the pen width the raster uses: what you see is what the
 * network gets.
 */
import { useCallback, useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PadPoint, Stroke } from '../../store/drawSlice.ts';
import { DEFAULT_STROKE_WIDTH } from '../../../draw/preprocess.ts';
import { isNewPoint, toPadPoint } from './padPoint.ts';

const INK = '#111111';
const PAPER = '#ffffff';

interface Props {
  strokes: readonly Stroke[];
  onStroke(s: Stroke): void;
  onUndo(): void;
  onClear(): void;
  /** There is a step to undo (a stroke, or a loaded sample); by default, any stroke. */
  canUndo?: boolean;
  /** Pen width as a fraction of the pad side; must match what preprocess uses. */
  strokeWidth?: number;
  /** More ways to fill the pad, under its buttons (the sample digits). */
  children?: ReactNode;
}

export function DrawingPad({ strokes, onStroke, onUndo, onClear, canUndo = strokes.length > 0, strokeWidth = DEFAULT_STROKE_WIDTH, children }: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** The stroke in progress: one pointer at a time, so a resting palm or second finger adds nothing. */
  const current = useRef<{ pointerId: number; points: PadPoint[] } | null>(null);
  const hintId = useId();

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // Draw in pad units (0..1): the same numbers as the store, at any device resolution.
    ctx.setTransform(canvas.width, 0, 0, canvas.height, 0, 0);
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    ctx.lineWidth = strokeWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes) traceStroke(ctx, s, strokeWidth);
    if (current.current) traceStroke(ctx, current.current.points, strokeWidth);
  }, [strokes, strokeWidth]);

  // Backing store in device pixels for crisp lines; refitted when the CSS size changes (narrow screens).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const fit = () => {
      const side = Math.max(1, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)));
      if (canvas.width !== side || canvas.height !== side) {
        canvas.width = side;
        canvas.height = side;
      }
      paint();
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(fit);
    ro.observe(canvas);
    return () => ro.disconnect();
  }, [paint]);

  const pointAt = (e: PointerEvent<HTMLCanvasElement> | globalThis.PointerEvent, canvas: HTMLCanvasElement) =>
    toPadPoint(e.clientX, e.clientY, canvas.getBoundingClientRect());

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (current.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const canvas = e.currentTarget;
    canvas.setPointerCapture(e.pointerId);
    canvas.focus({ preventScroll: true });
    current.current = { pointerId: e.pointerId, points: [pointAt(e, canvas)] };
    paint();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = current.current;
    if (!c || c.pointerId !== e.pointerId) return;
    // Coalesced events carry the points the browser merged into this frame: smoother curves on fast strokes.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const p = pointAt(ev, e.currentTarget);
      if (isNewPoint(c.points, p)) c.points.push(p);
    }
    paint();
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = current.current;
    if (!c || c.pointerId !== e.pointerId) return;
    current.current = null;
    onStroke(c.points);
  };

  // The browser took the pointer (e.g. a system gesture): drop the half stroke rather than guess.
  const onPointerCancel = (e: PointerEvent<HTMLCanvasElement>) => {
    if (current.current?.pointerId !== e.pointerId) return;
    current.current = null;
    paint();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const undo = e.key === 'Backspace' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z');
    const clear = e.key === 'Delete' || e.key === 'Escape';
    if (undo && canUndo) onUndo();
    else if (clear && strokes.length > 0) onClear();
    else return;
    e.preventDefault();
  };

  return (
    <div className="draw-pad">
      <div className="draw-pad__frame">
        <canvas
          ref={canvasRef}
          className="draw-pad__canvas"
          role="img"
          aria-label={t('draw.pad.name')}
          aria-describedby={hintId}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id={hintId} className="draw-pad__hint">
        {t('draw.pad.hint')}
      </p>
      <div className="buttons draw-pad__buttons">
        <button type="button" onClick={onUndo} disabled={!canUndo}>
          {t('draw.pad.undo')}
        </button>
        <button type="button" onClick={onClear}>
          {t('draw.pad.clear')}
        </button>
      </div>
      {children}
    </div>
  );
}

/** The part of CanvasRenderingContext2D a stroke needs. */
type Pen = Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'arc' | 'fill'>;

/** A one-point stroke is a dot, as in the raster; longer ones a round-joined polyline. */
export function traceStroke(ctx: Pen, points: readonly PadPoint[], width: number): void {
  if (points.length === 0) return;
  ctx.beginPath();
  if (points.length === 1) {
    ctx.arc(points[0].x, points[0].y, width / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.moveTo(points[0].x, points[0].y);
  for (let i = 1; i < points.length; i++) ctx.lineTo(points[i].x, points[i].y);
  ctx.stroke();
}
