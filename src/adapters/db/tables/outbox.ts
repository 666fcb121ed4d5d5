/** The outbox tables, as Kysely sees them (see ../schema.ts for the conventions: ISO UTC text timestamps, 0/1 booleans). */
export interface OutboxTables {
  outbox_message: OutboxMessageTable;
}

/** Where an outbox message stands: waiting, being sent by a worker, sent, or given up. */
export type OutboxStatus = 'en-attente' | 'envoi' | 'envoye' | 'echec';

export interface OutboxMessageTable {
  id: string;
  /** What the message is for (`lien-connexion`, `inscription-confirmee`…): shown to organisers, logged. */
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  reply_to: string | null;
  /** JSON `[{ filename, contentType, content }]` with base64 content, or null. */
  attachments: string | null;
  /**
   * JSON `{ composer, input }` for a message composed at sending (its `text`, `html` and `attachments` stay
   * empty here), or null for a message written whole.
   */
  composition: string | null;
  /** `<uuid@numerique-territoires>`, made at enqueue: every retry carries the same one. */
  message_id: string;
  /** Unique when set: the same fact enqueued twice gives one message. */
  dedupe_key: string | null;
  status: OutboxStatus;
  /** Claims so far: counted when a worker takes the message, so a message that crashes workers still ends. */
  attempts: number;
  next_attempt_at: string;
  /** While status is `envoi`: the claiming worker's lease; past it, another worker may take the message. */
  locked_until: string | null;
  /** The claim that holds the lease: a worker whose lease was taken over cannot overwrite the new outcome. */
  claim_token: string | null;
  /** The last failure, for organisers (may quote the server's answer; never logged). */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
