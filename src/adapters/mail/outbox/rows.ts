import type { Selectable } from 'kysely';
import type { MailAttachment, MailMessage } from '../../../ports/mailer.js';
import type { ComposedAtSending, MailComposers } from '../../../ports/outbox.js';
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

type StoredAttachment = { filename: string; contentType: string; content: string };

/** Attachments as stored: JSON with base64 content (text columns cross both dialects unchanged). */
export function encodeAttachments(attachments: MailAttachment[] | undefined): string | null {
  if (!attachments || attachments.length === 0) return null;
  const stored: StoredAttachment[] = attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content).toString('base64'),
  }));
  return JSON.stringify(stored);
}

function decodeAttachments(json: string | null): MailAttachment[] | undefined {
  if (!json) return undefined;
  return (JSON.parse(json) as StoredAttachment[]).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.content, 'base64'),
  }));
}

/**
 * The message to hand to a `Mailer`, with the Message-ID made at enqueue; a message composed at sending is
 * composed here by its composer among `composers`. A composer that is missing or fails throws: the worker
 * counts it as a failed send and tries again later, as for a mail server that is down.
 */
export async function toMailMessage(row: OutboxRow, composers: MailComposers = {}): Promise<MailMessage> {
  const envelope = {
    to: row.recipient,
    subject: row.subject,
    replyTo: row.reply_to ?? undefined,
    messageId: row.message_id,
  };
  if (!row.composition) {
    return { ...envelope, text: row.text, html: row.html, attachments: decodeAttachments(row.attachments) };
  }
  const { composer, input } = JSON.parse(row.composition) as ComposedAtSending;
  const compose = Object.hasOwn(composers, composer) ? composers[composer] : undefined;
  if (!compose) throw new Error(`Aucun outil pour rédiger ce message (${composer}).`);
  const body = await compose(input);
  return { ...envelope, text: body.text, html: body.html, attachments: body.attachments };
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
