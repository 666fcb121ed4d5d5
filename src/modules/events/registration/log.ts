import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { withRegistrationTables } from './tables.js';

/** Records an organiser's decision on a registration (`approuvee`, `refusee`) and who took it. */
export async function logDecision(
  trx: Kysely<Database>,
  registrationId: string,
  action: 'approuvee' | 'refusee',
  actor: string,
  at: string,
  detail: string | null = null,
): Promise<void> {
  await withRegistrationTables(trx)
    .insertInto('registration_log')
    .values({
      id: randomUUID(),
      registration_id: registrationId,
      at,
      action,
      actor: actor.slice(0, 200),
      detail,
    })
    .execute();
}

/** Whether an organiser approved this registration before (while it was on the waiting list). */
export async function wasApproved(trx: Kysely<Database>, registrationId: string): Promise<boolean> {
  const row = await withRegistrationTables(trx)
    .selectFrom('registration_log')
    .select('id')
    .where('registration_id', '=', registrationId)
    .where('action', '=', 'approuvee')
    .executeTakeFirst();
  return !!row;
}
