import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/** The catalogue de mutualisation: solutions, reuse declarations, contacts, reports. */
export const catalogueMigration = (_dialect: Dialect) => ({
  async up(_db: Kysely<unknown>) {},
  async down(_db: Kysely<unknown>) {},
});
