import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { CatalogueRepository } from './catalogue.repository.js';
import { contactsRepository } from './repository/contacts.js';
import { solutionsRepository } from './repository/solutions.js';
import { usesRepository } from './repository/uses.js';

/**
 * The catalogue's repository on Kysely, the same for SQLite and PostgreSQL (see test/contracts).
 *
 * @example
 * const repo = createKyselyCatalogueRepository(db);
 * await repo.transaction(async (r) => { await r.insertSolution(s); await r.addHistory(entry); });
 */
export function createKyselyCatalogueRepository(db: Kysely<Database>): CatalogueRepository {
  const repo: CatalogueRepository = {
    db,
    transaction: (work) =>
      db.isTransaction
        ? work(repo)
        : db.transaction().execute((trx) => work(createKyselyCatalogueRepository(trx))),
    ...solutionsRepository(db),
    ...usesRepository(db),
    ...contactsRepository(db),
  };
  return repo;
}
