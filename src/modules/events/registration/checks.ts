/**
 * What a registration must satisfy against its event, beyond the form's own checks (schemas.ts): the mode is
 * offered, the sessions exist and are open to this person, the organiser's questions are answered.
 */
import { COLLECTIVITE_PROFILES, type Mode, type Profile } from '../events.domain.js';
import type { EventContext } from './queries.js';

export interface RegistrationInput {
  eventId: string;
  /** The logged-in person, if any: « Mes inscriptions » lists their registrations. */
  personId: string | null;
  email: string;
  givenName: string;
  familyName: string;
  organisationName: string | null;
  organisationSiren: string | null;
  /** The collectivité's territory key from the picker (agents and élus of a collectivité). */
  collectiviteKey: string | null;
  profile: Profile;
  mode: Mode;
  sessionIds: string[];
  /** Answers by question id (`oui` / `non` for yes/no questions). */
  answers: Record<string, string>;
  /** Consent to appear in the participants' list. */
  listed: boolean;
}

/** Field name → French message; empty when everything holds. */
export type FieldErrors = Record<string, string>;

/**
 * The problems of an input against its event, keyed by form field.
 *
 * @example
 * checkAgainstEvent(ctx, input, new Set()) // { sessions: 'Cette session n’existe pas …' }
 */
export function checkAgainstEvent(
  ctx: EventContext,
  input: RegistrationInput,
  invited: ReadonlySet<string>,
): FieldErrors {
  const errors: FieldErrors = {};
  if (input.profile === 'presse') {
    errors.profil =
      'Les journalistes demandent une accréditation presse, avec le formulaire dédié : choisissez un autre profil ou suivez le lien « Demander une accréditation ».';
  }
  if (COLLECTIVITE_PROFILES.includes(input.profile) && !input.collectiviteKey) {
    errors.collectivite = 'Indiquez votre collectivité, puis choisissez-la dans la liste proposée.';
  }
  if (input.mode === 'presentiel' && !ctx.inPerson) {
    errors.mode = 'Cet événement n’a lieu qu’à distance : choisissez « À distance ».';
  }
  if (input.mode === 'distance' && !ctx.remote) {
    errors.mode = 'Cet événement n’a lieu qu’en présentiel : choisissez « En présentiel ».';
  }
  const known = new Map(ctx.sessions.map((s) => [s.id, s]));
  for (const id of input.sessionIds) {
    const session = known.get(id);
    if (!session) {
      errors.sessions = 'Une session choisie n’existe pas dans le programme : choisissez dans la liste.';
      break;
    }
    if (session.closed && !invited.has(id)) {
      errors.sessions = `La session « ${session.title} » est réservée aux personnes invitées.`;
      break;
    }
  }
  for (const q of ctx.questions) {
    const answer = (input.answers[q.id] ?? '').trim();
    const field = `q_${q.id}`;
    if (!answer) {
      if (q.required) errors[field] = `Répondez à la question « ${q.label} ».`;
      continue;
    }
    if (q.kind === 'oui-non' && answer !== 'oui' && answer !== 'non') {
      errors[field] = `Répondez par oui ou par non à la question « ${q.label} ».`;
    } else if (q.kind === 'choix' && !q.choices.includes(answer)) {
      errors[field] = `Choisissez une des réponses proposées à la question « ${q.label} ».`;
    } else if (answer.length > 2000) {
      errors[field] = 'Cette réponse est trop longue (2 000 caractères au plus).';
    }
  }
  return errors;
}
