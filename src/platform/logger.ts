import pino from 'pino';

export type Logger = pino.Logger;

/**
 * The platform's logger: JSON lines, one per event, never personal data (no query strings, no e-mail
 * addresses, no names: callers log ids and counts).
 *
 * @example
 * const logger = createLogger('info'); logger.info({ reqId }, 'requête servie');
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['email', '*.email', 'password', '*.password', 'token', '*.token'], remove: true },
  });
}
