import { z } from 'zod';

/** The e-mail of a login link request, with the French message shown on the field. */
export const linkRequestSchema = z.object({
  email: z
    .string({ error: 'Saisissez votre adresse électronique.' })
    .trim()
    .min(1, { error: 'Saisissez votre adresse électronique.' })
    .max(254, { error: 'Cette adresse est trop longue.' })
    .pipe(z.email({ error: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.' })),
});

/** A role grant from the admin form. */
export const grantSchema = z.object({
  role: z.string({ error: 'Choisissez un rôle.' }).trim().min(1, { error: 'Choisissez un rôle.' }),
  perimetre: z.string().trim().max(120, { error: 'Ce périmètre est trop long.' }).default(''),
});

/** An agent's organisation correction. */
export const organisationSchema = z.object({
  siren: z
    .string({ error: 'Saisissez le SIREN de votre organisation.' })
    .transform((s) => s.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{9}$/, { error: 'Le SIREN compte 9 chiffres, par exemple 213 801 855.' })),
});

/** List pages' query strings: bad values fall back to defaults. */
export const adminListSchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  role: z.string().max(40).optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** The first French message of a zod error, per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
