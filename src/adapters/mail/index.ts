import type { Clock } from '../../ports/clock.js';
import type { Mailer } from '../../ports/mailer.js';
import { createDevOutboxMailer } from './dev-outbox.js';
import { createSmtpMailer } from './smtp.js';

export { DEV_MAILS_PATH } from './dev-mails/routes.js';
export { createDevOutboxMailer, devMailsRoutes } from './dev-outbox.js';
export { createMemoryMailer, type MemoryMailer } from './memory.js';
export { createKyselyOutbox } from './outbox/outbox.kysely.js';
export {
  createOutboxAdmin,
  type OutboxAdmin,
  type OutboxFilter,
  type ResendAction,
} from './outbox/outbox-admin.js';
export {
  createOutboxWorker,
  defaultBackoff,
  type OutboxRunResult,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from './outbox/outbox-worker.js';
export type { OutboxEntry } from './outbox/rows.js';
export { createSmtpMailer, parseSmtpUrl } from './smtp.js';
export { type MailContent, renderMail } from './templates/render-mail.js';

export interface ConfiguredMailer extends Mailer {
  /** Which adapter was chosen: the app mounts the `/_dev/mails` pages only for `dev-outbox`. */
  transport: 'smtp' | 'dev-outbox';
  close(): Promise<void>;
}

/**
 * Chooses the mailer from the configuration: SMTP when `smtpUrl` is set (see `parseSmtpUrl` for the URL
 * options), else the development outbox that writes `.eml` files into `devOutboxDir`.
 *
 * @example
 * const mailer = createMailer({ smtpUrl: config.smtpUrl, devOutboxDir: 'var/mails', from: config.mailFrom });
 * if (mailer.transport === 'dev-outbox') app.route('/', devMailsRoutes('var/mails'));
 */
export function createMailer(options: {
  smtpUrl?: string;
  devOutboxDir: string;
  from: string;
  clock?: Clock;
}): ConfiguredMailer {
  if (options.smtpUrl) {
    const smtp = createSmtpMailer({ url: options.smtpUrl, from: options.from });
    return { transport: 'smtp', send: (m) => smtp.send(m), close: () => smtp.close() };
  }
  const dev = createDevOutboxMailer({ dir: options.devOutboxDir, from: options.from, clock: options.clock });
  return { transport: 'dev-outbox', send: (m) => dev.send(m), close: async () => {} };
}
