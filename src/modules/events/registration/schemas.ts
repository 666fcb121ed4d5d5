/**
 * The public form, read with French messages on each field. What needs the event (sessions, questions, the
 * mode offered) is checked by the service (checks.ts); what needs the territories (the collectivité) by the
 * route, with the picker.
 */
import { z } from 'zod';
import { MODES, PROFILES } from '../events.domain.js';

const text = (missing: string, max: number, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong });

export const registrationFormSchema = z.object({
  profil: z.enum(Object.keys(PROFILES) as [keyof typeof PROFILES], { error: 'Choisissez votre profil.' }),
  prenom: text('Saisissez votre prénom.', 100, 'Votre prénom est trop long (100 caractères au plus).'),
  nom: text('Saisissez votre nom.', 100, 'Votre nom est trop long (100 caractères au plus).'),
  email: z
    .string({ error: 'Saisissez votre adresse électronique.' })
    .trim()
    .min(1, { error: 'Saisissez votre adresse électronique.' })
    .max(254, { error: 'Cette adresse est trop longue.' })
    .pipe(z.email({ error: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.' })),
  organisation: text(
    'Saisissez le nom de votre organisation.',
    200,
    'Ce nom est trop long (200 caractères au plus).',
  ),
  mode: z.enum(Object.keys(MODES) as [keyof typeof MODES], {
    error: 'Choisissez comment vous participez : en présentiel ou à distance.',
  }),
});

/** The form's fields as typed, kept to show them again (text fields cut to a sane length). */
export interface FormValues {
  profil: string;
  prenom: string;
  nom: string;
  email: string;
  organisation: string;
  mode: string;
  sessions: string[];
  answers: Record<string, string>;
  liste: boolean;
  collectivite: string;
  collectiviteLibelle: string;
}

const str = (v: unknown, max = 300) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * The submitted body as form values (every field a string, `sessions` a list), whatever was sent.
 *
 * @example
 * const values = formValues(await c.req.parseBody({ all: true }));
 */
export function formValues(body: Record<string, unknown>): FormValues {
  const sessions = body.sessions;
  const list = Array.isArray(sessions) ? sessions : sessions === undefined ? [] : [sessions];
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('q_') && key.length < 120) answers[key.slice(2)] = str(value, 2001);
  }
  return {
    profil: str(body.profil, 60),
    prenom: str(body.prenom),
    nom: str(body.nom),
    email: str(body.email),
    organisation: str(body.organisation),
    mode: str(body.mode, 20),
    sessions: list
      .filter((s): s is string => typeof s === 'string')
      .map((s) => s.slice(0, 120))
      .slice(0, 100),
    answers,
    liste: body.liste === 'oui',
    collectivite: str(body.collectivite, 60),
    collectiviteLibelle: str(body.collectivite_libelle, 100),
  };
}

/** The first French message per field of a zod error. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? '_')] ??= issue.message;
  return out;
}
