import type { Mailer, MailMessage } from '../../ports/mailer.js';
import { newMessageId } from './message-id.js';

export interface MemoryMailer extends Mailer {
  /** Every message sent so far, oldest first, each with the Message-ID it went out with. */
  readonly sent: Array<MailMessage & { messageId: string }>;
  /** Makes the next `count` sends throw `error` (a server that is down, by default). */
  failNext(count?: number, error?: Error): void;
  /** Forgets the messages sent so far. */
  clear(): void;
}

/**
 * A mailer that keeps messages in memory, for fast tests of services and of the outbox worker: no socket,
 * no file, and failures on demand.
 *
 * @example
 * const mailer = createMemoryMailer();
 * await mailer.send({ to: 'camille@exemple.fr', subject: 'Bonjour', text: '…', html: '…' });
 * mailer.sent[0]?.subject; // 'Bonjour'
 */
export function createMemoryMailer(): MemoryMailer {
  const sent: Array<MailMessage & { messageId: string }> = [];
  const failures: Error[] = [];
  return {
    sent,
    async send(message) {
      const failure = failures.shift();
      if (failure) throw failure;
      const messageId = message.messageId ?? newMessageId();
      sent.push(structuredClone({ ...message, messageId }));
      return { messageId };
    },
    failNext(count = 1, error = new Error('Serveur de messagerie indisponible (simulation)')) {
      for (let i = 0; i < count; i++) failures.push(error);
    },
    clear() {
      sent.length = 0;
    },
  };
}
