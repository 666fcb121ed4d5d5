import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const SCALE = 5;
/** PNG row filters: « none » (the bytes as they are) and « up » (each byte added to the one above). */
const NONE = 0;
const UP = 2;
/** The quiet zone around the code, in modules: 4 is what the QR standard asks for. */
const MARGIN = 4;

/**
 * The badge's QR code as a PNG (black on white, one bit per pixel), from the signed payload of `signBadge`.
 *
 * Fast on purpose, since one is drawn for every confirmed in-person registration, inside the opening rush:
 * the payload is one byte segment (the library's search for the best mix of segments costs ~2 ms on a
 * 270-character payload) with a fixed mask (its penalty search for the best one costs ~2 ms more: any mask
 * decodes, the best one only eases poor prints), and the PNG is written here as a 1-bit image (the
 * library's PNG writer costs ~8 ms). About 0.15 ms in all, most of it the library's Reed-Solomon coding.
 *
 * @example
 * const png = badgeQrPng('NT1.eyJy….Zx8…'); // Buffer starting with \x89PNG
 */
export function badgeQrPng(payload: string): Buffer {
  const qr = QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  const size = qr.modules.size;
  const modules = qr.modules.data;
  const width = (size + 2 * MARGIN) * SCALE;
  const stride = Math.ceil(width / 8) + 1; // a leading filter byte per row
  // Rows of zeros with the PNG filter « up » (type 2) repeat the row above: each module row is drawn once, on
  // its first pixel row (filter « none », bit 1 is white in a 1-bit greyscale PNG), and its SCALE - 1 copies
  // cost deflate almost nothing, which is most of its time saved.
  const raw = Buffer.alloc(stride * width);
  for (let y = 0; y < width; y++) raw[y * stride] = UP;
  raw.fill(0xff, 1, stride);
  raw[0] = NONE;
  for (let my = 0; my < size; my++) {
    const first = (MARGIN + my) * SCALE * stride;
    raw[first] = NONE;
    raw.fill(0xff, first + 1, first + stride);
    for (let mx = 0; mx < size; mx++) {
      if (!modules[my * size + mx]) continue;
      for (let x = (MARGIN + mx) * SCALE, end = x + SCALE; x < end; x++) {
        const at = first + 1 + (x >> 3);
        raw[at] = (raw[at] ?? 0) & ~(0x80 >> (x & 7));
      }
    }
  }
  const bottom = (MARGIN + size) * SCALE * stride;
  raw[bottom] = NONE;
  raw.fill(0xff, bottom + 1, bottom + stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // Level 1: four times faster than the default here, for a file a tenth larger (about 2 kB).
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
