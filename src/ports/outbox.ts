import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { MailMessage } from './mailer.js';

/**
 * A message composed when it is sent rather than when it is enqueued: the outbox stores `input` (JSON), and
 * the worker hands it to its composer named `composer`, which writes the text, the HTML and the attachments.
 * For messages that cost more to write than the fact they announce (a registration's confirmation, with its
 * calendar and its badge's signed QR code, during an opening rush): the fact's transaction stores what the
 * message says, and the sending, which goes at the mail server's pace anyway, writes it. `input` holds the
 * facts as they were when the message was enqueued, so that the message tells them as they were. A composer
 * must be deterministic: a retried or resent message is the same message.
 */
export interface ComposedAtSending {
  composer: string;
  input: unknown;
}

/** What a composer writes. */
export type ComposedBody = Pick<MailMessage, 'text' | 'html' | 'attachments'>;

/** The composers an outbox worker knows, by name. */
export type MailComposers = Readonly<Record<string, (input: unknown) => Promise<ComposedBody>>>;

/** What a feature hands to the outbox: the message (its Message-ID is the outbox's to make) and its kind. */
export type OutboxMessage = Pick<MailMessage, 'to' | 'subject' | 'replyTo'> & {
  /** Names the message for organisers and logs: `lien-connexion`, `inscription-confirmee`… */
  kind: string;
  /** When given, a second enqueue with the same key is a no-op that returns the first message's id. */
  dedupeKey?: string;
} & (ComposedBody | { composedAtSending: ComposedAtSending });

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
