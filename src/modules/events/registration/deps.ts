import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { Clock } from '../../../ports/clock.js';
import type { Outbox } from '../../../ports/outbox.js';

/** What every registration use case runs on. */
export interface RegistrationDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  outbox: Outbox;
  clock: Clock;
  /** The site's public address, for the links in e-mails, without a trailing slash. */
  publicUrl: string;
}
