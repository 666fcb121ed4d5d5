/**
 * The optional attachment of an accreditation request (a press card scan, a letter of assignment). Its type
 * is read from its first bytes, never from its name or the browser's word: a file named `carte.pdf` that is
 * an executable is refused.
 */

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type AttachmentKind = 'pdf' | 'jpeg' | 'png';

export const ATTACHMENT_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const SIGNATURES: Array<{ kind: AttachmentKind; bytes: number[] }> = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * The kind of a file from its content, or null when it is none of PDF, JPEG or PNG.
 *
 * @example
 * sniffAttachment(Buffer.from('%PDF-1.7\n…')) // 'pdf'
 * sniffAttachment(Buffer.from('MZ…')) // null
 */
export function sniffAttachment(data: Uint8Array): AttachmentKind | null {
  for (const { kind, bytes } of SIGNATURES) {
    if (data.length >= bytes.length && bytes.every((b, i) => data[i] === b)) return kind;
  }
  return null;
}

/**
 * Checks an uploaded file: a French message for the field, or the bytes and their kind. An empty file input
 * (nothing chosen) is no attachment, not an error.
 *
 * @example
 * const checked = await checkAttachment(body.piece);
 * if (checked && 'error' in checked) errors.piece = checked.error;
 */
export async function checkAttachment(
  value: unknown,
): Promise<null | { error: string } | { data: Buffer; kind: AttachmentKind }> {
  if (!(value instanceof File) || (value.size === 0 && value.name === '')) return null;
  if (value.size === 0) return { error: 'Le fichier joint est vide. Choisissez un autre fichier.' };
  if (value.size > MAX_ATTACHMENT_BYTES) {
    return { error: 'Le fichier dépasse 5 Mo. Joignez un fichier plus léger (PDF, JPEG ou PNG).' };
  }
  const data = Buffer.from(await value.arrayBuffer());
  const kind = sniffAttachment(data);
  if (!kind) return { error: 'Le fichier doit être un PDF, une image JPEG ou une image PNG.' };
  return { data, kind };
}
