import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { badgeQrPng } from './badge-qr.js';

/** A PNG read back by the book (signature, chunk CRCs, the five row filters), as a grid of black pixels. */
function decodePng(png: Buffer): { width: number; height: number; black: (x: number, y: number) => boolean } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    assert.equal(
      png.readUInt32BE(at + 8 + length),
      crc32(png.subarray(at + 4, at + 8 + length)),
      `CRC de ${type}`,
    );
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  assert.ok(header);
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  assert.deepEqual([header[8], header[9], header[12]], [1, 0, 0], '1 bit, greyscale, not interlaced');
  const raw = inflateSync(Buffer.concat(data));
  const rowBytes = Math.ceil(width / 8);
  assert.equal(raw.length, height * (rowBytes + 1));
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)];
    const line = Buffer.from(raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1)));
    for (let i = 0; i < rowBytes; i++) {
      // One byte per pixel group at 1 bit: « left » is the previous byte.
      const left = i > 0 ? (line[i - 1] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i > 0 ? (previous[i - 1] ?? 0) : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const add = [0, left, up, (left + up) >> 1, paeth][filter ?? -1];
      assert.notEqual(add, undefined, `filtre ${filter} inconnu`);
      line[i] = ((line[i] ?? 0) + (add ?? 0)) & 0xff;
    }
    rows.push(line);
    previous = line;
  }
  const black = (x: number, y: number) => (((rows[y]?.[x >> 3] ?? 0) >> (7 - (x & 7))) & 1) === 0;
  return { width, height, black };
}

test('the badge PNG shows exactly the QR code of the payload, with its quiet zone, 5 pixels a module', () => {
  const payload = `NT1.${Buffer.from(JSON.stringify({ r: 'r-42', e: 'journee-2023', n: 'Zoé Martin' })).toString('base64url')}.sig`;
  const { modules } = QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  const image = decodePng(badgeQrPng(payload));
  const side = (modules.size + 8) * 5;
  assert.equal(image.width, side);
  assert.equal(image.height, side);
  let mismatches = 0;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / 5) - 4;
      const my = Math.floor(y / 5) - 4;
      const inside = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size;
      const expected = inside && modules.get(my, mx) === 1;
      if (image.black(x, y) !== expected) mismatches++;
    }
  }
  assert.equal(mismatches, 0);
});
