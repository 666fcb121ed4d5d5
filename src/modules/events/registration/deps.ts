import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { Clock } from '../../../ports/clock.js';
import type { Outbox } from '../../../ports/outbox.js';
import { type BadgeSigner, getBadgeSigner } from '../checkin/badge-token.js';

/** What every registration use case runs on. */
export interface RegistrationDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  outbox: Outbox;
  clock: Clock;
  /** The site's public address, for the links in e-mails, without a trailing slash. */
  publicUrl: string;
}

const signers = new WeakMap<Kysely<Database>, BadgeSigner>();

/**
 * The badge signer of this database, its key loaded. Called before a use case takes the event's lock: loading
 * the key reads the outer database, which on SQLite would wait for ever on the connection the lock holds.
 */
export async function readySigner(deps: RegistrationDeps): Promise<BadgeSigner> {
  let signer = signers.get(deps.db);
  if (!signer) {
    signer = getBadgeSigner(deps.db);
    signers.set(deps.db, signer);
  }
  await signer.publicKey();
  return signer;
}
