// Draws the tab bar's icons (81×81 PNG, grey and the selected green) from a few shapes, so the console ships its own
// icons without downloading any: `node client-miniprogram/scripts/make-tab-icons.mjs` writes src/assets/tab/*.png.
// PNG is written by hand (zlib from Node): a dependency for five small pictures is not worth it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const COLOURS = { '': [0x8a, 0x8f, 0x99], '-on': [0x07, 0xc1, 0x60] };
const OUT = fileURLToPath(new URL('../src/assets/tab/', import.meta.url));

// Shapes in a 0..1 box: each tells whether a point is inked. Strokes are ~0.07 wide.
const W = 0.07;
const inRect = (x, y, l, t, r, b) => x >= l && x <= r && y >= t && y <= b;
const ring = (x, y, cx, cy, r) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= W / 2;
const disc = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) <= r;
const frame = (x, y, l, t, r, b) => inRect(x, y, l, t, r, b) && !inRect(x, y, l + W, t + W, r - W, b - W);
/** the segment from (ax, ay) to (bx, by), W wide */
function line(x, y, ax, ay, bx, by) {
  const [dx, dy] = [bx - ax, by - ay];
  const k = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - k * dx, y - ay - k * dy) <= W / 2;
}

const ICONS = {
  // 今日: a sun
  home: (x, y) =>
    disc(x, y, 0.5, 0.5, 0.16) ||
    [0, 1, 2, 3, 4, 5, 6, 7].some((i) => {
      const a = (i * Math.PI) / 4;
      return line(
        x,
        y,
        0.5 + 0.26 * Math.cos(a),
        0.5 + 0.26 * Math.sin(a),
        0.5 + 0.38 * Math.cos(a),
        0.5 + 0.38 * Math.sin(a),
      );
    }),
  // 草稿: a page with lines
  drafts: (x, y) =>
    frame(x, y, 0.22, 0.12, 0.78, 0.88) || [0.34, 0.48, 0.62].some((t) => inRect(x, y, 0.34, t, 0.66, t + W)),
  // 报表: three bars
  reports: (x, y) =>
    inRect(x, y, 0.18, 0.5, 0.32, 0.86) || inRect(x, y, 0.43, 0.3, 0.57, 0.86) || inRect(x, y, 0.68, 0.14, 0.82, 0.86),
  // 提醒: a bell
  alerts: (x, y) =>
    (y <= 0.66 &&
      y >= 0.2 &&
      Math.abs(x - 0.5) <= 0.1 + (y - 0.2) * 0.45 &&
      !(y >= 0.26 && Math.abs(x - 0.5) <= 0.04 + (y - 0.26) * 0.45 && y <= 0.62)) ||
    inRect(x, y, 0.2, 0.64, 0.8, 0.64 + W) ||
    disc(x, y, 0.5, 0.78, 0.07) ||
    disc(x, y, 0.5, 0.16, 0.05),
  // 我的: a person
  me: (x, y) => ring(x, y, 0.5, 0.32, 0.16) || (ring(x, y, 0.5, 0.9, 0.34) && y <= 0.86),
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of the shape, edges smoothed by 4×4 supersampling. */
function png(inked, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inked((px + (sx + 0.5) / 4) / SIZE, (py + (sy + 0.5) / 4) / SIZE)) hits++;
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, inked] of Object.entries(ICONS))
  for (const [suffix, colour] of Object.entries(COLOURS))
    writeFileSync(`${OUT}${name}${suffix}.png`, png(inked, colour));
