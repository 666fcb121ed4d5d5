import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/** A management link sent by e-mail: only its SHA-256 is kept (migration 010). */
export interface RegistrationLinkTable {
  token_hash: string;
  registration_id: string;
  created_at: string;
}

/** Who approved or refused a registration, and when (migration 010). */
export interface RegistrationLogTable {
  id: string;
  registration_id: string;
  at: string;
  /** approuvee, refusee. */
  action: string;
  /** The organiser's label, as the back office names them. */
  actor: string;
  detail: string | null;
}

/** The tables registration adds to the schema (see `src/adapters/db/migrations/010-registration.ts`). */
export type RegistrationTables = {
  registration_link: RegistrationLinkTable;
  registration_log: RegistrationLogTable;
};

export type RegistrationDb = Kysely<Database & RegistrationTables>;

/** The database with registration's own tables typed too. */
export function withRegistrationTables(db: Kysely<Database>): RegistrationDb {
  return db.withTables<RegistrationTables>();
}
