/** One [0, 1] ink image on a canvas at its own resolution, enlarged by CSS. */
import { useEffect, useRef } from 'react';
import { inkRgba } from './grayPixels.ts';

interface Props {
  /** w × h values, row-major; null paints a blank image. */
  data: Float32Array | null;
  w: number;
  h: number;
  cssWidth: number;
  cssHeight: number;
  label: string;
  /** Show each pixel as a square (the small images), rather than smoothed (the raw raster). */
  pixelated?: boolean;
}

export function GrayCanvas({ data, w, h, cssWidth, cssHeight, label, pixelated = true }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(inkRgba(data ?? new Float32Array(w * h)), w, h), 0, 0);
  }, [data, w, h]);
  return (
    <canvas
      ref={ref}
      width={w}
      height={h}
      role="img"
      aria-label={label}
      className={pixelated ? 'draw-image draw-image--pixelated' : 'draw-image'}
      style={{ width: cssWidth, height: cssHeight }}
    />
  );
}
