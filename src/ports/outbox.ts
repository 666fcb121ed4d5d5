import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { MailAttachment, MailMessage } from './mailer.js';

/**
 * An attachment drawn when the message is sent rather than when it is enqueued: the outbox stores `input`
 * (JSON), and the worker hands it to its drawer named `drawnBy`, which returns the file's bytes. For files
 * that cost more to make than the fact they come with (a badge's signed QR code, during an opening rush): the
 * fact's transaction stores what the file says, and the sending, which goes at the mail server's pace anyway,
 * makes it. A drawer must be deterministic: a retried send carries the same file.
 */
export interface DrawnAttachment {
  filename: string;
  contentType: string;
  drawnBy: string;
  input: unknown;
}

/** The drawers an outbox worker knows, by name: each turns a stored input into the file's bytes. */
export type AttachmentDrawers = Readonly<Record<string, (input: unknown) => Promise<Buffer>>>;

export type OutboxAttachment = MailAttachment | DrawnAttachment;

/** What a feature hands to the outbox: the message (its Message-ID is the outbox's to make) and its kind. */
export type OutboxMessage = Omit<MailMessage, 'messageId' | 'attachments'> & {
  attachments?: OutboxAttachment[];
  /** Names the message for organisers and logs: `lien-connexion`, `inscription-confirmee`… */
  kind: string;
  /** When given, a second enqueue with the same key is a no-op that returns the first message's id. */
  dedupeKey?: string;
};

/**
 * The outbox: a message is written in the same transaction as the fact it announces (a registration, a
 * login link…), and a worker sends it later with retries. So a fact is never announced if it rolled back,
 * and never lost if the mail server is down.
 */
export interface Outbox {
  /**
   * Enqueues a message inside the caller's transaction (or on the database itself) and returns its id.
   *
   * @example
   * await db.transaction().execute(async (trx) => {
   *   await registrations.save(trx, inscription);
   *   await outbox.enqueue(trx, { kind: 'inscription-confirmee', to, subject, text, html, dedupeKey: inscription.id });
   * });
   */
  enqueue(db: Kysely<Database>, message: OutboxMessage): Promise<string>;
  /**
   * `enqueue` for several messages at once, in as few statements as the database allows (a batch of decisions
   * announces its facts in one round trip); returns their ids in order. Optional: a caller without it loops.
   */
  enqueueMany?(db: Kysely<Database>, messages: readonly OutboxMessage[]): Promise<string[]>;
}
