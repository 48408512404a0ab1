/**
 * The lab's icon: MNIST's first training image (a 5) on its 28×28 grid,
 * drawn as an SVG (public/icon.svg, for browsers and the manifest) and as
 * PNGs (192 and 512 px, and a maskable 512 with the digit inside the safe
 * zone) that the build makes from the same pixels, so no binary is
 * committed. `npm run icons` rewrites public/icon.svg.
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { mnistDataDir } from './mnist-data-plugin.ts';

export const GRID = 28;
/** The page's text colour (styles.css --fg): the icon's background. */
const BACKGROUND = [0x17, 0x20, 0x2a] as const;
/** An empty cell, a grid line and full ink. */
const CELL = [0x22, 0x2e, 0x3b] as const;
const LINE = [0x10, 0x17, 0x1f] as const;
const INK = [0xff, 0xff, 0xff] as const;
export const THEME_COLOR = '#17202a';

/** The first image of MNIST's training set, 28×28 bytes (0 = background, 255 = ink). */
export function firstDigit(): Uint8Array {
  const pixels = new Uint8Array(GRID * GRID);
  const fd = openSync(path.join(mnistDataDir(), 'train-images-idx3-ubyte'), 'r');
  try {
    // Past the 16-byte IDX header (magic, count, rows, columns).
    readSync(fd, pixels, 0, pixels.length, 16);
  } finally {
    closeSync(fd);
  }
  return pixels;
}

const hex = (c: readonly number[]) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');

/** The icon as SVG: one square per inked pixel, its opacity the pixel's value. */
export function iconSvg(pixels = firstDigit()): string {
  const cells: string[] = [];
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i] === 0) continue;
    const opacity = Math.round((pixels[i] / 255) * 100) / 100;
    cells.push(`<rect x="${i % GRID}" y="${Math.floor(i / GRID)}" width="1" height="1" fill-opacity="${opacity}"/>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${GRID} ${GRID}">`,
    `<defs><pattern id="cell" width="1" height="1" patternUnits="userSpaceOnUse"><rect width="1" height="1" fill="${hex(LINE)}"/><rect x="0.06" y="0.06" width="0.88" height="0.88" fill="${hex(CELL)}"/></pattern></defs>`,
    `<rect width="${GRID}" height="${GRID}" rx="3" fill="${hex(BACKGROUND)}"/>`,
    `<rect x="1" y="1" width="${GRID - 2}" height="${GRID - 2}" fill="url(#cell)"/>`,
    `<g fill="${hex(INK)}">${cells.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * The icon as an RGB PNG of `size` px. `inset`: the share of the width the
 * grid takes, centred (a maskable icon keeps what matters inside the middle
 * 80 %, so its grid is drawn at 72 %).
 */
export function iconPng(size: number, inset = 1, pixels = firstDigit()): Buffer {
  const gridPx = size * inset;
  const offset = (size - gridPx) / 2;
  // Cell edges on whole pixels, so that every grid line is equally wide.
  const edges = Array.from({ length: GRID + 1 }, (_, k) => Math.round(offset + (k * gridPx) / GRID));
  const lineWidth = Math.max(1, Math.round((gridPx / GRID) * 0.06));
  /** The cell a pixel column (or row) falls in, and whether it is on the cell's grid line; cell -1 outside the grid. */
  const locate = (p: number): [number, boolean] => {
    if (p < edges[0] || p >= edges[GRID]) return [-1, false];
    let k = 0;
    while (p >= edges[k + 1]) k++;
    return [k, p < edges[k] + lineWidth];
  };
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    rows[row] = 0; // filter: none
    const [cy, lineY] = locate(y);
    for (let x = 0; x < size; x++) {
      const [cx, lineX] = locate(x);
      let rgb: readonly number[] = BACKGROUND;
      if (cx >= 0 && cy >= 0) {
        const ink = pixels[cy * GRID + cx] / 255;
        rgb = lineX || lineY ? LINE : CELL.map((c, k) => Math.round(c + (INK[k] - c) * ink));
      }
      rows.set(rgb, row + 1 + x * 3);
    }
  }
  return png(size, size, rows);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of 8-bit RGB scanlines, each already led by its filter byte. */
function png(width: number, height: number, scanlines: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(scanlines, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The PNGs the manifest lists, by file name. */
export function iconPngs(): Record<string, Buffer> {
  const pixels = firstDigit();
  return {
    'icon-192.png': iconPng(192, 1, pixels),
    'icon-512.png': iconPng(512, 1, pixels),
    'icon-maskable-512.png': iconPng(512, 0.72, pixels),
  };
}

export const ICON_SVG_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon.svg');

// `npm run icons`: rewrites public/icon.svg.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(ICON_SVG_PATH, iconSvg());
  console.log(`wrote ${path.relative(process.cwd(), ICON_SVG_PATH)}`);
}
