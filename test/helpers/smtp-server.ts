import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the test server accepted: parsed as a mail client would, with its SMTP envelope. */
export interface CapturedMail {
  mail: ParsedMail;
  rcptTo: string[];
  /** The user that authenticated, when the server asked for credentials. */
  user?: string;
}

export interface SmtpCapture {
  port: number;
  /** `smtp://127.0.0.1:<port>?ignoreTLS=true`, with the credentials when the server requires them. */
  url: string;
  received: CapturedMail[];
  /** Stops listening (connections are refused, as with a mail server that is down). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export interface SmtpCaptureOptions {
  /** Requires these credentials (sent without TLS: `allowInsecureAuth`, for tests only). */
  auth?: { user: string; pass: string };
  /** Waits this long before accepting each message, so that concurrent senders really overlap. */
  delayMs?: number;
  /** Refuses a recipient with 550, as a server does for an unknown mailbox. */
  refuseRecipient?: (address: string) => boolean;
}

/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps what it receives, parsed with mailparser. No TLS:
 * STARTTLS is disabled, so senders must be configured with `ignoreTLS` (the `url` says so).
 *
 * @example
 * const smtp = await startSmtpCapture();
 * const mailer = createSmtpMailer({ url: smtp.url, from: 'nt@localhost' });
 * … smtp.received[0]?.mail.subject …
 * await smtp.stop();
 */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;

  const create = () =>
    new SMTPServer({
      secure: false,
      authOptional: !options.auth,
      allowInsecureAuth: Boolean(options.auth),
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      logger: false,
      // A reverse DNS lookup of 127.0.0.1 per connection costs ~100 ms and proves nothing here.
      disableReverseLookup: true,
      onAuth(auth, _session, callback) {
        const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
        if (!ok) return callback(new Error('Identifiants refusés'));
        callback(null, { user: auth.username });
      },
      onRcptTo(address, _session, callback) {
        if (options.refuseRecipient?.(address.address)) {
          const err = Object.assign(new Error('Boîte aux lettres inconnue'), { responseCode: 550 });
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
            received.push({
              mail,
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              user: typeof session.user === 'string' ? session.user : undefined,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = create();
      s.on('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.server.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  await listen();
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : '';
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}?ignoreTLS=true`,
    received,
    start: listen,
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        s.close(() => resolve());
      }),
  };
}
