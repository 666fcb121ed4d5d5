import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { PROJECT_ROOT } from '../../../shared/paths.js';

/** One printed badge: who, from where, as what, and the signed payload its QR code carries. */
export interface BadgeCard {
  name: string;
  organisation: string | null;
  /** The profile as people read it (« Agent de collectivité territoriale »). */
  profileLabel: string;
  /** A press badge: a PRESSE band across it. */
  press: boolean;
  /** The signed badge token (see checkin/badge-token.ts). */
  payload: string;
}

export interface BadgeEvent {
  title: string;
  /** « 18 janvier 2023 », already formatted. */
  date: string;
  demonstration: boolean;
}

// The State's typeface, from the design system's files: names with accents print as typed.
const FONTS = join(PROJECT_ROOT, 'node_modules/@gouvfr/dsfr/dist/fonts');
const BLUE = '#000091';
const TEXT = '#161616';
const MM = 72 / 25.4;

/**
 * Printable badges, one A6 page each (105 × 148 mm, four to an A4 sheet on most printers' « 4 pages par
 * feuille »): the event, a PRESSE band for accredited press, the name, organisation and profile, and the QR
 * code drawn as vectors so that it stays sharp at any printer's resolution.
 *
 * @example
 * const pdf = await badgesPdf({ title: 'Journée Numérique & Territoires', date: '18 janvier 2023', demonstration: false },
 *   [{ name: 'Anne Martin', organisation: 'Le Quotidien', profileLabel: 'Presse', press: true, payload }]);
 */
export function badgesPdf(event: BadgeEvent, cards: BadgeCard[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A6',
    margin: 8 * MM,
    autoFirstPage: false,
    info: { Title: `Badges — ${event.title}`, Author: 'Numérique & Territoires' },
    lang: 'fr-FR',
  });
  doc.registerFont('regular', join(FONTS, 'Marianne-Regular.woff'));
  doc.registerFont('bold', join(FONTS, 'Marianne-Bold.woff'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (cards.length === 0) {
    doc.addPage();
    doc.font('regular').fontSize(12).fillColor(TEXT).text('Aucun badge à imprimer pour cette sélection.');
  }
  for (const card of cards) drawBadge(doc, event, card);
  doc.end();
  return done;
}

function drawBadge(doc: PDFKit.PDFDocument, event: BadgeEvent, card: BadgeCard) {
  doc.addPage();
  const { width, height } = doc.page;
  const margin = 8 * MM;
  const inner = width - 2 * margin;
  doc.rect(0, 0, width, 6 * MM).fill(BLUE);
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(TEXT)
    .text(event.title, margin, 10 * MM, { width: inner, align: 'center' });
  doc.font('regular').fontSize(9).text(event.date, { width: inner, align: 'center' });
  if (event.demonstration)
    doc.fontSize(8).text('Données de démonstration', { width: inner, align: 'center' });

  let y = 30 * MM;
  if (card.press) {
    doc.rect(0, y, width, 12 * MM).fill(BLUE);
    doc
      .font('bold')
      .fontSize(24)
      .fillColor('#ffffff')
      .text('PRESSE', 0, y + 2.5 * MM, { width, align: 'center', characterSpacing: 4 });
    y += 16 * MM;
  } else {
    y += 4 * MM;
  }
  // Long names and organisations shrink, then are cut with an ellipsis: nothing may run over the QR code.
  const side = 50 * MM;
  const qrTop = height - margin - side;
  doc.font('bold').fillColor(TEXT);
  const nameSize = fitSize(doc, card.name, inner, 22, 13);
  doc.fontSize(nameSize).text(card.name, margin, y, {
    width: inner,
    align: 'center',
    height: doc.currentLineHeight(true) * 2 + 1,
    ellipsis: true,
  });
  if (card.organisation) {
    doc.moveDown(0.3).font('regular').fontSize(11);
    doc.text(card.organisation, {
      width: inner,
      align: 'center',
      height: doc.currentLineHeight(true) * 2 + 1,
      ellipsis: true,
    });
  }
  doc
    .moveDown(0.3)
    .font('regular')
    .fontSize(10)
    .fillColor(BLUE)
    .text(card.profileLabel, {
      width: inner,
      align: 'center',
      height: Math.max(qrTop - doc.y - 4, 12),
      ellipsis: true,
    });

  drawQr(doc, card.payload, (width - side) / 2, qrTop, side);
}

/** The largest font size, between `max` and `min`, at which `text` fits on two lines of `width`. */
function fitSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 1) {
    doc.fontSize(size);
    if (doc.heightOfString(text, { width }) <= doc.currentLineHeight(true) * 2 + 1) return size;
  }
  return min;
}

function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number) {
  // Level M survives a scratched or folded badge; the quiet zone of four modules is part of `side`.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const cell = side / (modules.size + 8);
  const origin = { x: x + 4 * cell, y: y + 4 * cell };
  doc.rect(x, y, side, side).fill('#ffffff');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) doc.rect(origin.x + col * cell, origin.y + row * cell, cell, cell);
    }
  }
  doc.fill('#000000');
}
