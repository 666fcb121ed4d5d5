/** An e-mail as the platform writes it: French, accessible HTML with its plain-text twin. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  attachments?: MailAttachment[];
  /** A stable Message-ID, so that a retried send is recognisable as the same message. */
  messageId?: string;
}

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

/**
 * Sends one message now. Only the outbox worker calls it; features enqueue into the outbox instead.
 * A failure throws: a `PermanentMailError` when retrying cannot help, any other error otherwise.
 */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/**
 * A refusal that a retry will not change (SMTP 5xx: unknown mailbox, refused sender). The outbox gives up on
 * the message at once instead of knocking again for hours.
 *
 * @example
 * throw new PermanentMailError('Adresse refusée par le serveur (550)');
 */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}
