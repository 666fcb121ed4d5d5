import { createTransport } from 'nodemailer';
import { type Clock, systemClock } from '../../ports/clock.js';
import type { Mailer } from '../../ports/mailer.js';
import { devMailId, writeDevMail } from './dev-mails/files.js';
import { newMessageId } from './message-id.js';

export { devMailsRoutes } from './dev-mails/routes.js';

/**
 * The development mailer: nothing leaves the machine. Each message is composed exactly as SMTP would send it
 * (nodemailer's stream transport) and written as an `.eml` file into `dir`, with a JSON record that the
 * `/_dev/mails` page lists (see `devMailsRoutes`).
 *
 * @example
 * const mailer = createDevOutboxMailer({ dir: 'var/mails', from: '"Numérique & Territoires" <ne-pas-repondre@localhost>' });
 */
export function createDevOutboxMailer(options: { dir: string; from: string; clock?: Clock }): Mailer {
  const clock = options.clock ?? systemClock;
  const composer = createTransport({ streamTransport: true, buffer: true });
  return {
    async send(message) {
      const messageId = message.messageId ?? newMessageId();
      const date = clock.now();
      const attachments = (message.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content,
      }));
      const info = await composer.sendMail({
        from: options.from,
        to: message.to,
        replyTo: message.replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        date,
        headers: { 'Auto-Submitted': 'auto-generated' },
        attachments,
      });
      const eml = Buffer.isBuffer(info.message) ? info.message : Buffer.from(String(info.message));
      await writeDevMail(
        options.dir,
        {
          id: devMailId(date),
          date: date.toISOString(),
          from: options.from,
          to: message.to,
          replyTo: message.replyTo ?? null,
          subject: message.subject,
          messageId,
          text: message.text,
          html: message.html,
          attachments: attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            size: a.content.length,
          })),
        },
        eml,
      );
      return { messageId };
    },
  };
}
