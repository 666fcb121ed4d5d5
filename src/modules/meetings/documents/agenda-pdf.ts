import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PROJECT_ROOT } from '../../../shared/paths.js';

/** One line of a printed agenda: when, where, with whom, and a note (status, topic). */
export interface PrintedRow {
  time: string;
  place: string;
  who: string;
  detail: string;
}

export interface PrintedAgenda {
  title: string;
  /** The event and its date, already formatted. */
  subtitle: string;
  demonstration: boolean;
  sections: Array<{ heading: string; rows: PrintedRow[]; empty?: string }>;
}

// The State's typeface, from the design system's files: names with accents print as typed.
const FONTS = join(PROJECT_ROOT, 'node_modules/@gouvfr/dsfr/dist/fonts');
const BLUE = '#000091';
const TEXT = '#161616';
const GREY = '#666666';
const MM = 72 / 25.4;
const COLUMNS = [
  { key: 'time', label: 'Heure', width: 0.17 },
  { key: 'place', label: 'Lieu', width: 0.2 },
  { key: 'who', label: 'Avec', width: 0.38 },
  { key: 'detail', label: 'Remarque', width: 0.25 },
] as const;

/**
 * An agenda to print on A4: a participant's meetings, a stand's, or a location's sheet for the day (one
 * section per slot time or per member). Table headings repeat on every new page.
 *
 * @example
 * const pdf = await agendaPdf({ title: 'Mes rendez-vous', subtitle: 'Journée … — 18 janvier 2023', demonstration: false,
 *   sections: [{ heading: 'Mercredi 18 janvier', rows: [{ time: '15 h 00 – 15 h 20', place: 'Mezzanine', who: 'FranceConnect', detail: '' }] }] });
 */
export function agendaPdf(agenda: PrintedAgenda): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 15 * MM,
    info: { Title: `${agenda.title} — ${agenda.subtitle}`, Author: 'Numérique & Territoires' },
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
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.rect(0, 0, doc.page.width, 5 * MM).fill(BLUE);
  doc
    .fillColor(TEXT)
    .font('bold')
    .fontSize(16)
    .text(agenda.title, left, 12 * MM, { width });
  doc.font('regular').fontSize(10).fillColor(GREY).text(agenda.subtitle, { width });
  if (agenda.demonstration) doc.text('Données de démonstration', { width });
  doc.moveDown(0.8);

  const header = () => {
    let x = left;
    const y = doc.y;
    doc.font('bold').fontSize(9).fillColor(TEXT);
    for (const col of COLUMNS) {
      doc.text(col.label, x, y, { width: col.width * width - 4 });
      x += col.width * width;
    }
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor(GREY)
      .lineWidth(0.5)
      .stroke();
    doc.y += 5;
  };

  for (const section of agenda.sections) {
    if (doc.y > bottom() - 60) doc.addPage();
    doc.font('bold').fontSize(12).fillColor(BLUE).text(section.heading, left, doc.y, { width });
    doc.moveDown(0.3);
    if (section.rows.length === 0) {
      doc
        .font('regular')
        .fontSize(10)
        .fillColor(TEXT)
        .text(section.empty ?? 'Aucun rendez-vous.', left, doc.y, { width });
      doc.moveDown(0.8);
      continue;
    }
    header();
    for (const row of section.rows) {
      doc.font('regular').fontSize(9);
      const height = Math.max(
        ...COLUMNS.map((col) => doc.heightOfString(row[col.key] || ' ', { width: col.width * width - 4 })),
      );
      if (doc.y + height > bottom()) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      let x = left;
      doc.fillColor(TEXT);
      for (const col of COLUMNS) {
        doc.text(row[col.key] || ' ', x, y, { width: col.width * width - 4 });
        x += col.width * width;
      }
      doc.y = y + height + 4;
      doc
        .moveTo(left, doc.y - 2)
        .lineTo(left + width, doc.y - 2)
        .strokeColor('#dddddd')
        .lineWidth(0.3)
        .stroke();
    }
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
