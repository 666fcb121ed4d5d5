/**
 * The administration’s inputs, with French messages on their fields. The edit form reads each value with the
 * import’s own readers (import/fields.ts): a value the import accepts, the form accepts, in the same words.
 */
import { z } from 'zod';
import { DISPOSITIF_CODES } from '../fund.domain.js';
import {
  type Parsed,
  parseDay,
  parseEuros,
  parseSirenList,
  parseStatusValue,
  parseText,
  parseThemes,
  parseWebAddress,
  sirenOf,
} from '../import/fields.js';

/** A reader’s refusal as a sentence on the field: capitalised, with its full stop. */
function sentence(reason: string): string {
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

const text = (max = 10_000) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).slice(0, max));

/** A field read by one of the import’s readers; `empty` is the message when a required field is left empty. */
function via<T>(read: (raw: string) => Parsed<T>, empty?: string) {
  return text().transform((raw, ctx) => {
    if (empty && !raw.trim()) {
      ctx.addIssue({ code: 'custom', message: empty });
      return z.NEVER;
    }
    const parsed = read(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: sentence(parsed.reason) });
      return z.NEVER;
    }
    return parsed.value;
  });
}

const optionalVia = <T>(read: (raw: string) => Parsed<T>) =>
  via<T | null>((raw) => (raw.trim() ? read(raw) : { ok: true, value: null }));

/** The edit form of one lauréat. Field names are the import’s column names. */
export const laureatFormSchema = z.object({
  dispositif: text().pipe(
    z.enum(DISPOSITIF_CODES as [string, ...string[]], { error: 'Choisissez un dispositif.' }),
  ),
  idBeneficiaire: via((raw) => {
    const siren = sirenOf(raw);
    return siren ? { ok: true, value: siren } : { ok: false, reason: 'SIREN inconnu ou invalide' };
  }, 'Saisissez le SIREN ou le SIRET du porteur, par exemple 213 801 855.'),
  nomBeneficiaire: via((raw) => parseText(raw, 'le nom du porteur', { max: 300 })),
  objet: via((raw) => parseText(raw, 'l’objet', { max: 300 }), 'Saisissez l’objet du projet.'),
  resume: via((raw) => parseText(raw, 'le résumé', { max: 5_000 })),
  themes: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v, ctx) => {
      const parsed = parseThemes((Array.isArray(v) ? v : v ? [v] : []).slice(0, 50));
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: sentence(parsed.reason) });
        return z.NEVER;
      }
      return parsed.value;
    }),
  montant: via((raw) => parseEuros(raw, 'le montant'), 'Saisissez le montant accordé, en euros.'),
  coutTotal: optionalVia((raw) => parseEuros(raw, 'le coût total')),
  dateDepot: optionalVia(parseDay),
  dateConvention: via(parseDay, 'Saisissez la date de convention, par exemple 20/01/2022.'),
  statut: via(parseStatusValue),
  coporteurs: via((raw) =>
    parseSirenList(
      raw
        .split(/[|;,\n\r]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ),
  site: via(parseWebAddress),
  codeSource: via(parseWebAddress),
  realisations: via((raw) => parseText(raw, 'ce que le projet a produit', { max: 5_000 })),
  /** The lauréat’s fingerprint when the form was shown: someone else’s save in between is detected. */
  version: text(100),
});

export type LaureatForm = z.infer<typeof laureatFormSchema>;

/** The administration’s list of lauréats: bad values fall back to defaults. */
export const managedListSchema = z.object({
  dispositif: z
    .enum(DISPOSITIF_CODES as [string, ...string[]])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).catch('').default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/**
 * The first French message of a zod error, per field.
 *
 * @example
 * fieldErrors(laureatFormSchema.safeParse({}).error!) // { dispositif: 'Choisissez un dispositif.', … }
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}
