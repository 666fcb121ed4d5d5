import { z } from 'zod';

const text = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, { error: missing }).max(max, { error: tooLong }));

/** A journalist's accreditation request, with the French message shown on each field. */
export const accreditationRequestSchema = z.object({
  given_name: text('Saisissez votre prénom.', 80, 'Le prénom compte 80 caractères au plus.'),
  family_name: text('Saisissez votre nom.', 80, 'Le nom compte 80 caractères au plus.'),
  email: z
    .string({ error: 'Saisissez votre adresse électronique.' })
    .trim()
    .min(1, { error: 'Saisissez votre adresse électronique.' })
    .max(254, { error: 'Cette adresse est trop longue.' })
    .pipe(z.email({ error: 'Saisissez une adresse électronique valide, par exemple nom@redaction.fr.' }))
    .transform((s) => s.toLowerCase()),
  media: text('Saisissez le nom de votre média.', 120, 'Le nom du média compte 120 caractères au plus.'),
  press_card: z
    .string()
    .default('')
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(30, { error: 'Le numéro de carte de presse compte 30 caractères au plus.' })
        .regex(/^[0-9A-Za-z /-]*$/, {
          error: 'Le numéro de carte de presse ne contient que des chiffres, des lettres et des tirets.',
        }),
    ),
  /** The form's idempotency key, made when it was rendered. */
  cle: z.uuid({ error: 'Le formulaire est incomplet. Rechargez la page.' }),
});

export type AccreditationRequestInput = z.infer<typeof accreditationRequestSchema>;

/** An organiser's decision on one request; a refusal needs its reason, which the journalist receives. */
export const accreditationDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepter'), motif: z.string().optional() }),
  z.object({
    decision: z.literal('refuser'),
    motif: z
      .string({ error: 'Indiquez le motif du refus : il est envoyé au journaliste.' })
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, { error: 'Indiquez le motif du refus : il est envoyé au journaliste.' })
          .max(1000, { error: 'Le motif compte 1 000 caractères au plus.' }),
      ),
  }),
]);

/** The first French message of a zod error, per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
