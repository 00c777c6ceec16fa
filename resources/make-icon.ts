/**
 * Writes resources/icon.svg and resources/icon.png (512×512) from one list of shapes, without
 * network or native tools: a tiny rasteriser (4×4 supersampling) and PNG encoder (zlib from Node).
 * Run once after changing the design: `npx tsx resources/make-icon.ts`; both files are committed.
 *
 * The picture is 分流 itself: one line of customers coming in at the bottom, split three ways
 * to the counters (gold dots) on bank red.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
type RGB = [number, number, number];
type Shape =
  | { kind: 'roundRect'; x: number; y: number; w: number; h: number; r: number; fill: RGB }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; fill: RGB }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: RGB };

const RED: RGB = [200, 16, 46];
const WHITE: RGB = [255, 255, 255];
const GOLD: RGB = [246, 195, 67];
const fork = { x: 256, y: 268 };
const ends = [
  { x: 136, y: 150 },
  { x: 256, y: 122 },
  { x: 376, y: 150 },
];

const shapes: Shape[] = [
  { kind: 'roundRect', x: 16, y: 16, w: 480, h: 480, r: 104, fill: RED },
  { kind: 'line', x1: 256, y1: 404, x2: fork.x, y2: fork.y, width: 44, fill: WHITE },
  ...ends.map((e): Shape => ({
    kind: 'line',
    x1: fork.x,
    y1: fork.y,
    x2: e.x,
    y2: e.y,
    width: 36,
    fill: WHITE,
  })),
  ...ends.map((e): Shape => ({ kind: 'circle', cx: e.x, cy: e.y, r: 38, fill: GOLD })),
  { kind: 'circle', cx: 256, cy: 410, r: 40, fill: WHITE },
];

function inside(s: Shape, x: number, y: number): boolean {
  switch (s.kind) {
    case 'circle':
      return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
    case 'line': {
      // A round-capped stroke: distance to the segment.
      const dx = s.x2 - s.x1;
      const dy = s.y2 - s.y1;
      const t = Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / (dx * dx + dy * dy)));
      return (x - s.x1 - t * dx) ** 2 + (y - s.y1 - t * dy) ** 2 <= (s.width / 2) ** 2;
    }
    case 'roundRect': {
      const qx = Math.max(s.x + s.r - x, 0, x - (s.x + s.w - s.r));
      const qy = Math.max(s.y + s.r - y, 0, y - (s.y + s.h - s.r));
      return x >= s.x && x <= s.x + s.w && y >= s.y && y <= s.y + s.h && qx * qx + qy * qy <= s.r * s.r;
    }
  }
}

function svg(): string {
  const hex = (c: RGB) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const body = shapes.map((s) => {
    switch (s.kind) {
      case 'roundRect':
        return `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${hex(s.fill)}"/>`;
      case 'line':
        return `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="${hex(s.fill)}" stroke-width="${s.width}" stroke-linecap="round"/>`;
      case 'circle':
        return `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${hex(s.fill)}"/>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">\n  <title>网点分流</title>\n  ${body.join('\n  ')}\n</svg>\n`;
}

function rasterise(): Buffer {
  const N = 4; // samples per axis per pixel
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = px + (sx + 0.5) / N;
          const y = py + (sy + 0.5) / N;
          const top = shapes.findLast((s) => inside(s, x, y));
          if (!top) continue;
          r += top.fill[0];
          g += top.fill[1];
          b += top.fill[2];
          a += 1;
        }
      }
      const o = (py * SIZE + px) * 4;
      // Colour averaged over covered samples only (straight alpha), coverage as alpha.
      if (a > 0)
        rgba.set(
          [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (N * N))],
          o,
        );
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = import.meta.dirname;
writeFileSync(join(dir, 'icon.svg'), svg());
writeFileSync(join(dir, 'icon.png'), png(rasterise()));
// eslint-disable-next-line no-console -- a one-off tool run by hand
console.log('wrote resources/icon.svg and resources/icon.png');
