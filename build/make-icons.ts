// Draws the app icon (an on-ramp: a slope with an arrow climbing it) as assets/icon.svg and a 512×512
// assets/icon.png, with no image tools: the PNG is rasterised here (4×4 supersampling) and
// encoded with zlib. electron-builder derives .icns/.ico from the PNG (512 px covers macOS and
// the 256 px Windows needs). Run: node bin/run-ts.mjs build/make-icons.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x0b, 0x3d, 0x5c];
const RAMP: Rgb = [0x00, 0xad, 0xd8];
const ARROW: Rgb = [0xff, 0xff, 0xff];
const SIZE = 512;
const RADIUS = 96;
type Point = readonly [number, number];
const round1 = (p: Point): Point => [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
const rampPoints: readonly Point[] = [
  [104, 408],
  [408, 408],
  [408, 168],
];

/** The arrow runs parallel to the slope, 90 px above it: a shaft and a head. */
function arrowPolygons(): Point[][] {
  const [a, , c] = rampPoints as [Point, Point, Point];
  const len = Math.hypot(c[0] - a[0], c[1] - a[1]);
  const d: Point = [(c[0] - a[0]) / len, (c[1] - a[1]) / len];
  const n: Point = [-d[1], d[0]]; // towards the slope
  const at = (t: number, off: number): Point =>
    round1([a[0] + d[0] * t + n[0] * off, a[1] + d[1] * t + n[1] * off]);
  const shaft = [at(50, -72), at(250, -72), at(250, -108), at(50, -108)];
  const head = [at(250, -36), at(330, -90), at(250, -144)];
  return [shaft, head];
}
const arrow = arrowPolygons();

function svgPoints(points: readonly Point[]): string {
  return points.map((p) => p.join(',')).join(' ');
}

export const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="#0b3d5c"/>
  <polygon points="${svgPoints(rampPoints)}" fill="#00add8"/>
${arrow.map((p) => `  <polygon points="${svgPoints(p)}" fill="#ffffff"/>`).join('\n')}
</svg>
`;

function inRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

/** Inside a convex polygon: the point is on the same side of every edge. */
function inConvex(points: readonly Point[], x: number, y: number): boolean {
  const sides = points.map(([px, py], i) => {
    const [qx, qy] = points[(i + 1) % points.length] as Point;
    return (qx - px) * (y - py) - (qy - py) * (x - px);
  });
  return sides.every((s) => s >= 0) || sides.every((s) => s <= 0);
}

/** RGBA of one sample point: the topmost shape that covers it. */
function sample(x: number, y: number): [number, number, number, number] {
  if (!inRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (arrow.some((p) => inConvex(p, x, y))) return [...ARROW, 255];
  if (inConvex(rampPoints, x, y)) return [...RAMP, 255];
  return [...BACKGROUND, 255];
}

export function rasterIcon(): Uint8Array {
  const n = 4;
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = sample(x + (sx + 0.5) / n, y + (sy + 0.5) / n);
          acc[0]! += r * a;
          acc[1]! += g * a;
          acc[2]! += b * a;
          acc[3]! += a;
        }
      const alpha = acc[3]!;
      const o = row + 1 + x * 4;
      if (alpha > 0) for (let c = 0; c < 3; c++) rows[o + c] = Math.round(acc[c]! / alpha);
      rows[o + 3] = Math.round(alpha / (n * n));
    }
  }
  return encodePng(SIZE, SIZE, rows);
}

const crcTable = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** 8-bit RGBA PNG from filtered scanlines (each row: filter byte + pixels). */
function encodePng(width: number, height: number, scanlines: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function writeIcons(dir = 'assets'): void {
  writeFileSync(resolve(dir, 'icon.svg'), iconSvg);
  writeFileSync(resolve(dir, 'icon.png'), rasterIcon());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeIcons(process.argv[2]);
