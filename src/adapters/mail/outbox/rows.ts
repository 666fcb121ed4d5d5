import type { Selectable } from 'kysely';
import type { MailAttachment, MailMessage } from '../../../ports/mailer.js';
import type { AttachmentDrawers, OutboxAttachment } from '../../../ports/outbox.js';
import type { OutboxMessageTable, OutboxStatus } from '../../db/tables/outbox.js';

export type OutboxRow = Selectable<OutboxMessageTable>;

/** An outbox message as organisers see it: where it stands, without its body. */
export interface OutboxEntry {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  messageId: string;
  createdAt: string;
  sentAt: string | null;
}

type StoredAttachment =
  | { filename: string; contentType: string; content: string }
  | { filename: string; contentType: string; drawnBy: string; input: unknown };

/**
 * Attachments as stored: JSON with base64 content (text columns cross both dialects unchanged), or, for an
 * attachment drawn at sending, the drawer's name and its input.
 */
export function encodeAttachments(attachments: OutboxAttachment[] | undefined): string | null {
  if (!attachments || attachments.length === 0) return null;
  const stored: StoredAttachment[] = attachments.map((a) =>
    'drawnBy' in a
      ? { filename: a.filename, contentType: a.contentType, drawnBy: a.drawnBy, input: a.input }
      : {
          filename: a.filename,
          contentType: a.contentType,
          content: (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content).toString(
            'base64',
          ),
        },
  );
  return JSON.stringify(stored);
}

/**
 * The message to hand to a `Mailer`, with the Message-ID made at enqueue, its drawn attachments drawn by
 * `drawers`. A drawer that is missing or fails throws: the worker counts it as a failed send and tries again
 * later, as for a mail server that is down.
 */
export async function toMailMessage(row: OutboxRow, drawers: AttachmentDrawers = {}): Promise<MailMessage> {
  return {
    to: row.recipient,
    subject: row.subject,
    text: row.text,
    html: row.html,
    replyTo: row.reply_to ?? undefined,
    attachments: row.attachments ? await decodeAttachments(row.attachments, drawers) : undefined,
    messageId: row.message_id,
  };
}

function decodeAttachments(json: string, drawers: AttachmentDrawers): Promise<MailAttachment[]> {
  return Promise.all(
    (JSON.parse(json) as StoredAttachment[]).map(async (a) => {
      if (!('drawnBy' in a)) {
        return {
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
        };
      }
      const draw = Object.hasOwn(drawers, a.drawnBy) ? drawers[a.drawnBy] : undefined;
      if (!draw)
        throw new Error(`Pièce jointe « ${a.filename} » : aucun outil pour la produire (${a.drawnBy}).`);
      return { filename: a.filename, contentType: a.contentType, content: await draw(a.input) };
    }),
  );
}

/** The columns an `OutboxEntry` is made of. */
export const ENTRY_COLUMNS = [
  'id',
  'kind',
  'recipient',
  'subject',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'message_id',
  'created_at',
  'sent_at',
] as const;

export function toEntry(row: Pick<OutboxRow, (typeof ENTRY_COLUMNS)[number]>): OutboxEntry {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
