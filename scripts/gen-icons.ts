// Draw the add-in's icons (16, 32, 64, 80, 128 px PNG) into addin/public/assets/: a white table on Excel green.
// Pure Node (zlib for the PNG data), anti-aliased by 4×4 supersampling; run with `npm run icons`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../addin/public/assets');
type RGBA = [number, number, number, number];
const GREEN: RGBA = [16, 124, 65, 255];
const DARK: RGBA = [11, 83, 44, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** Colour of the point (x, y) in unit coordinates (0..1) of the icon. */
function paint(x: number, y: number): RGBA {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const [l, t, rt, b] = [0.2, 0.22, 0.8, 0.8];
  if (x < l || x > rt || y < t || y > b) return GREEN;
  const line = 0.05;
  // Header band, then two rows; a TT column on the left.
  if (y < t + 0.16) return DARK;
  const rows = [t + 0.16, t + 0.16 + (b - t - 0.16) / 2];
  if (rows.some((ry) => Math.abs(y - ry) < line / 2) || Math.abs(x - (l + 0.16)) < line / 2) return GREEN;
  return WHITE;
}

/** RGBA pixels of one icon. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          // Premultiplied accumulation, so transparent samples do not darken the edge.
          for (let k = 0; k < 3; k++) acc[k]! += c[k]! * c[3]!;
          acc[3]! += c[3]!;
        }
      }
      const i = (y * size + x) * 4;
      const a = acc[3]! / (S * S);
      for (let k = 0; k < 3; k++) px[i + k] = acc[3]! === 0 ? 0 : Math.round(acc[k]! / acc[3]!);
      px[i + 3] = Math.round(a);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * Encode RGBA pixels as a PNG (8-bit RGBA, no filtering).
 * @example writeFileSync('x.png', encodePng(16, drawIcon(16)))
 */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(path.relative(process.cwd(), file));
  }
}
