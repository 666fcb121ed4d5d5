import { createTransport, type SMTPTransportOptions } from 'nodemailer';
import { type Mailer, PermanentMailError } from '../../ports/mailer.js';
import { newMessageId } from './message-id.js';

/** The query options an `SMTP_URL` may carry, and what each becomes in nodemailer. */
const BOOLEAN_OPTIONS = ['ignoreTLS', 'requireTLS', 'rejectUnauthorized'] as const;

/**
 * Reads an `SMTP_URL` into nodemailer options.
 *
 * - `smtp://[user[:password]@]host[:port]`: plain connection upgraded with STARTTLS when the server offers
 *   it (port 587 by default); `smtps://…` for TLS from the first byte (port 465 by default).
 * - User and password are percent-decoded (`p%40ss` is `p@ss`).
 * - `?ignoreTLS=true`: never upgrade (a local relay, the tests' server); `?requireTLS=true`: refuse to send
 *   unless STARTTLS succeeds; `?rejectUnauthorized=false`: accept the self-signed certificate of an internal
 *   relay; `?name=host.example`: the name given in EHLO.
 *
 * Any other option, or a value other than `true`/`false`, is refused: a typo must not silently weaken TLS.
 * Timeouts are short (10 s to connect and greet, 30 s of silence) so that a hung server fails a send well
 * within the outbox worker's lease.
 *
 * @example
 * parseSmtpUrl('smtp://nt:s3cret@smtp.example.fr:587?requireTLS=true');
 * // { host: 'smtp.example.fr', port: 587, secure: false, auth: { user: 'nt', pass: 's3cret' }, requireTLS: true, … }
 */
export function parseSmtpUrl(raw: string): SMTPTransportOptions {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SMTP_URL doit être une adresse de la forme smtp://utilisateur:motdepasse@serveur:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('SMTP_URL doit commencer par « smtp:// » ou « smtps:// »');
  }
  if (!url.hostname) throw new Error('SMTP_URL doit nommer un serveur');
  const secure = url.protocol === 'smtps:';
  const options: SMTPTransportOptions = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  if (url.username || url.password) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  for (const [key, value] of url.searchParams) {
    if (key === 'name') {
      options.name = value;
      continue;
    }
    if (!(BOOLEAN_OPTIONS as readonly string[]).includes(key)) {
      throw new Error(
        `SMTP_URL : option « ${key} » inconnue (options reconnues : ${[...BOOLEAN_OPTIONS, 'name'].join(', ')})`,
      );
    }
    if (value !== 'true' && value !== 'false') {
      throw new Error(`SMTP_URL : l’option « ${key} » vaut « true » ou « false »`);
    }
    const flag = value === 'true';
    if (key === 'rejectUnauthorized') options.tls = { rejectUnauthorized: flag };
    else if (key === 'ignoreTLS') options.ignoreTLS = flag;
    else options.requireTLS = flag;
  }
  if (options.ignoreTLS && options.requireTLS) {
    throw new Error('SMTP_URL : « ignoreTLS » et « requireTLS » s’excluent');
  }
  return options;
}

/**
 * The production mailer: SMTP through nodemailer, one connection per message. It sends the Message-ID it is
 * given (the outbox's, stable across retries), marks messages as automatic (`Auto-Submitted`, so that
 * out-of-office replies stay away), and turns a 5xx answer into a `PermanentMailError`.
 *
 * @example
 * const mailer = createSmtpMailer({ url: process.env.SMTP_URL!, from: '"Numérique & Territoires" <ne-pas-repondre@exemple.gouv.fr>' });
 */
export function createSmtpMailer(options: {
  url: string;
  from: string;
}): Mailer & { close(): Promise<void> } {
  const transport = createTransport(parseSmtpUrl(options.url));
  return {
    async send(message) {
      const messageId = message.messageId ?? newMessageId();
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          headers: { 'Auto-Submitted': 'auto-generated' },
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
      } catch (err) {
        throw toMailError(err);
      }
      return { messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/** 5xx is the server saying "never": an unknown mailbox, a refused sender. Anything else may pass later. */
function toMailError(err: unknown): Error {
  const responseCode = (err as { responseCode?: unknown } | null)?.responseCode;
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) {
    return new PermanentMailError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}
