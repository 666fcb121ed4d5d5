import { randomUUID } from 'node:crypto';

/**
 * A new Message-ID, `<uuid@numerique-territoires>`. The outbox makes it once, at enqueue, and every retry
 * sends it again: a receiving server (and the person's mail client) can tell a retry from a second message.
 *
 * @example
 * newMessageId(); // '<3f0c…@numerique-territoires>'
 */
export function newMessageId(): string {
  return `<${randomUUID()}@numerique-territoires>`;
}
