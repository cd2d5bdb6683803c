// Draws the app icons (PNG) and favicon.ico into web/public/: a white speech bubble on the
// movement's red. Run once after changing the design: `npx tsx web/scripts/icons.ts`.
// No image library is needed for flat shapes: PNG is a zlib stream of RGBA rows.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [185, 28, 28, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** `maskable`: the design keeps to the inner 80 % safe zone and the red fills the square. */
function icon(size: number, maskable: boolean): Buffer {
  const rows: Buffer[] = [];
  const scale = maskable ? 0.8 : 1;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      // Coordinates in [-1, 1] inside the (safe) area.
      const u = ((x + 0.5) / size - 0.5) * (2 / scale);
      const v = ((y + 0.5) / size - 0.5) * (2 / scale);
      const cornerRadius = 0.35;
      const inSquare = maskable
        ? true
        : Math.hypot(Math.max(Math.abs(u) - (1 - cornerRadius), 0), Math.max(Math.abs(v) - (1 - cornerRadius), 0)) <=
          cornerRadius;
      const bubble = ((u / 0.62) ** 2 + ((v + 0.08) / 0.46) ** 2 <= 1) as boolean;
      const tail = v > 0.2 && v < 0.62 && u > -0.42 && u < -0.1 && u - -0.42 < (0.62 - v) * 0.9;
      const dot = [-0.28, 0, 0.28].some((cx) => Math.hypot(u - cx, v + 0.08) < 0.085);
      const colour = !inSquare ? CLEAR : (bubble || tail) && !dot ? WHITE : RED;
      row.set(colour, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (every browser since IE Vista reads them). */
function ico(images: Array<{ size: number; png: Buffer }>): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([head, ...entries, ...images.map((image) => image.png)]);
}

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icons/icon-192.png', out), icon(192, false));
writeFileSync(new URL('icons/icon-512.png', out), icon(512, false));
writeFileSync(new URL('icons/icon-maskable-512.png', out), icon(512, true));
writeFileSync(new URL('icons/apple-touch-icon.png', out), icon(180, true));
writeFileSync(new URL('favicon.ico', out), ico([16, 32, 48].map((size) => ({ size, png: icon(size, false) }))));
