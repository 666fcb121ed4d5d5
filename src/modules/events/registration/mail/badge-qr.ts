import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const SCALE = 5;
/** The quiet zone around the code, in modules: 4 is what the QR standard asks for. */
const MARGIN = 4;

/**
 * The badge's QR code as a PNG (black on white, one bit per pixel), from the signed payload of `signBadge`.
 *
 * Fast on purpose, since one is drawn for every confirmed in-person registration, inside the opening rush:
 * the payload is one byte segment (the library's search for the best mix of segments costs ~2 ms on a
 * 270-character payload) with a fixed mask (its penalty search for the best one costs ~2 ms more: any mask
 * decodes, the best one only eases poor prints), and the PNG is written here as a 1-bit image (the
 * library's PNG writer costs ~8 ms). About 0.3 ms in all.
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
  const rowBytes = Math.ceil(width / 8);
  // Bit 1 is white in a 1-bit greyscale PNG: start all white, clear the dark modules' bits. Each row of
  // modules is drawn once, then copied to the SCALE pixel rows it covers.
  const stride = rowBytes + 1; // a leading 0 per row: PNG filter type « none »
  const raw = Buffer.alloc(stride * width, 0xff);
  for (let my = 0; my < size; my++) {
    const first = (MARGIN + my) * SCALE * stride;
    raw[first] = 0;
    for (let mx = 0; mx < size; mx++) {
      if (!modules[my * size + mx]) continue;
      for (let x = (MARGIN + mx) * SCALE, end = x + SCALE; x < end; x++) {
        const at = first + 1 + (x >> 3);
        raw[at] = (raw[at] ?? 0) & ~(0x80 >> (x & 7));
      }
    }
    for (let k = 1; k < SCALE; k++) raw.copy(raw, first + k * stride, first, first + stride);
  }
  for (let y = 0; y < width; y++) raw[y * stride] = 0;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
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
