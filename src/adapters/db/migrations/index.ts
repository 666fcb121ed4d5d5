import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Dialect } from '../connect.js';
import type { Database } from '../schema.js';
import { contentMigration } from './001-content.js';
import { searchMigration } from './002-search.js';
import { territoriesMigration } from './003-territories.js';
import { outboxMigration } from './004-outbox.js';
import { accountsMigration } from './005-accounts.js';
import { fundMigration } from './006-fund.js';
import { fundSearchMigration } from './007-fund-search.js';
import { eventsMigration } from './008-events.js';
import { registrationMigration } from './010-registration.js';
import { eventsBackofficeMigration } from './011-events-backoffice.js';
import { catalogueMigration } from './012-catalogue.js';
import { meetingsMigration } from './013-meetings.js';
import { territoryCoordinatesMigration } from './014-territory-coordinates.js';
import { outboxCompositionMigration } from './015-outbox-composition.js';

/**
 * One migration set for both dialects: each migration receives the dialect and branches only where SQL
 * differs (FTS5 against tsvector). Names sort in the order they run.
 */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '001-content': contentMigration(dialect),
    '002-search': searchMigration(dialect),
    '003-territories': territoriesMigration(dialect),
    '004-outbox': outboxMigration(dialect),
    '005-accounts': accountsMigration(dialect),
    '006-fund': fundMigration(dialect),
    '007-fund-search': fundSearchMigration(dialect),
    '008-events': eventsMigration(dialect),
    '010-registration': registrationMigration(dialect),
    '011-events-backoffice': eventsBackofficeMigration(dialect),
    '012-catalogue': catalogueMigration(dialect),
    '013-meetings': meetingsMigration(dialect),
    '014-territory-coordinates': territoryCoordinatesMigration(dialect),
    '015-outbox-composition': outboxCompositionMigration(),
  };
}

/**
 * Brings the schema up to date; safe to run at every start (applied migrations are skipped, and a lock stops
 * two processes from migrating at once).
 *
 * @example
 * await migrateToLatest(db, 'sqlite'); // ['001-content', '002-search'] on a new file
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrationsFor(dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`La migration ${failed?.migrationName ?? ''} a échoué : ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
