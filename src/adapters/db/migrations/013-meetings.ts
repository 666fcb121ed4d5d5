import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/** The espace de rencontres: stands, locations, slots, meetings, rankings and assignments. */
export const meetingsMigration = (_dialect: Dialect) => ({
  async up(_db: Kysely<unknown>) {},
  async down(_db: Kysely<unknown>) {},
});
