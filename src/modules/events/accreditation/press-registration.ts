import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { randomToken, sha256 } from '../../../shared/hash.js';

/**
 * The journalist's live registration, or a new confirmed one of profile `presse`, in person: an accepted
 * journalist is checked in like everyone else, and appears on the press list. Runs inside the decision's
 * transaction.
 *
 * @example
 * const r = await pressRegistration(trx, { eventId, email, fullName: 'Anne Martin', organisation: 'Le Quotidien', now });
 */
export async function pressRegistration(
  trx: Kysely<Database>,
  input: { eventId: string; email: string; fullName: string; organisation: string; now: string },
) {
  const existing = await trx
    .selectFrom('registration')
    .select(['id', 'given_name', 'family_name', 'mode'])
    .where('event_id', '=', input.eventId)
    .where('email', '=', input.email)
    .where('status', 'not in', ['annulee', 'refusee'])
    .executeTakeFirst();
  if (existing) {
    // A journalist who had registered under another profile is press at the door.
    await trx
      .updateTable('registration')
      .set({ profile: 'presse', status: 'confirmee', updated_at: input.now })
      .where('id', '=', existing.id)
      .execute();
    return {
      id: existing.id,
      name: `${existing.given_name} ${existing.family_name}`.trim(),
      mode: existing.mode,
    };
  }
  const [givenName = '', ...rest] = input.fullName.split(' ');
  const id = randomUUID();
  await trx
    .insertInto('registration')
    .values({
      id,
      event_id: input.eventId,
      person_id: null,
      email: input.email,
      given_name: givenName,
      family_name: rest.join(' '),
      organisation_name: input.organisation,
      organisation_siren: null,
      collectivite_key: null,
      profile: 'presse',
      mode: 'presentiel',
      status: 'confirmee',
      offer_expires_at: null,
      answers: '{}',
      listed: 0,
      // Nobody holds this token: the journalist manages the accreditation with the organisers.
      manage_token_hash: sha256(randomToken()),
      refusal_reason: null,
      checked_in_at: null,
      created_at: input.now,
      updated_at: input.now,
      cancelled_at: null,
    })
    .execute();
  return { id, name: input.fullName, mode: 'presentiel' };
}
