/**
 * Rankings, in the scheduling mode: before the deadline, each participant orders the stands they want to meet
 * (at most `choices_max`). Saving replaces the whole ranking at once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { MeetingsDeps, Result } from '../deps.js';
import { decide } from '../store/decide.js';
import { isActiveParticipant, registrationById } from '../store/event-reads.js';
import { spaceOfEvent, standsOf } from '../store/reads.js';

/** The participant's ranked stand ids, best first. */
export async function rankingOf(db: Kysely<Database>, registrationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_ranking')
    .select('stand_id')
    .where('registration_id', '=', registrationId)
    .orderBy('rank')
    .execute();
  return rows.map((r) => r.stand_id);
}

/**
 * Saves a participant's ranking; `choices` holds the form's « 1er choix », « 2e choix »… in order, empty
 * strings for choices left blank.
 *
 * @example
 * await saveRanking(deps, { eventId, registrationId, choices: [standA, '', standB] });
 */
export async function saveRanking(
  deps: MeetingsDeps,
  input: { eventId: string; registrationId: string; choices: readonly string[] },
): Promise<Result<number>> {
  const now = deps.clock.now().toISOString();
  const space = await spaceOfEvent(deps.db, input.eventId);
  if (space?.mode !== 'planifie') {
    return { ok: false, errors: { _form: 'Cet espace de rencontres ne fonctionne pas par classement.' } };
  }
  if (space.rankingDeadline && now >= space.rankingDeadline) {
    return {
      ok: false,
      errors: { _form: 'La date limite des classements est passée : ils ne peuvent plus changer.' },
    };
  }
  if (space.publishedRunId) {
    return {
      ok: false,
      errors: { _form: 'Les rendez-vous sont déjà publiés : le classement ne peut plus changer.' },
    };
  }
  const participant = await registrationById(deps.db, input.registrationId);
  if (!isActiveParticipant(participant, input.eventId)) {
    return {
      ok: false,
      errors: { _form: 'Seuls les participants dont l’inscription est confirmée classent les stands.' },
    };
  }
  const known = new Set((await standsOf(deps.db, input.eventId)).map((s) => s.id));
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const chosen: string[] = [];
  input.choices.slice(0, space.choicesMax).forEach((id, i) => {
    if (!id) return;
    const field = `choix-${i + 1}`;
    if (!known.has(id)) errors[field] = 'Choisissez un stand de la liste.';
    else if (seen.has(id)) errors[field] = 'Ce stand est déjà classé plus haut : choisissez-en un autre.';
    else {
      seen.add(id);
      chosen.push(id);
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (chosen.length === 0) return { ok: false, errors: { 'choix-1': 'Choisissez au moins un stand.' } };
  await decide(deps.db, deps.dialect, async (trx) => {
    await trx.deleteFrom('meeting_ranking').where('registration_id', '=', input.registrationId).execute();
    await trx
      .insertInto('meeting_ranking')
      .values(
        chosen.map((standId, i) => ({
          registration_id: input.registrationId,
          event_id: input.eventId,
          stand_id: standId,
          rank: i + 1,
          created_at: now,
        })),
      )
      .execute();
  });
  return { ok: true, value: chosen.length };
}
