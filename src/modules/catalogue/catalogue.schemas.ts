/**
 * The catalogue's form inputs, read with zod into domain values, every refusal a French sentence on its
 * field. A form body may hold anything (repeated fields, files where text was expected): every reader takes
 * the first string and ignores the rest, so no input reaches a 500.
 */
import { z } from 'zod';
import { isValidSiren } from '../../shared/siren.js';
import {
  ACCESSIBILITY_STATUSES,
  ADOPTION_MODES,
  type AdoptionMode,
  COST_MODELS,
  LICENCES,
  MATURITIES,
  type Maintainer,
  USE_STATUSES,
} from './catalogue.domain.js';
import { THEMES } from './catalogue.themes.js';

type Body = Record<string, unknown>;

/** The first string of a form field (a repeated field's first value), trimmed and capped. */
export function textOf(body: Body, name: string, max = 10_000): string {
  const v = body[name];
  const first = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
  return typeof first === 'string' ? first.slice(0, max).trim() : '';
}

/** Every string value of a repeated field (checkboxes). */
export function listOf(body: Body, name: string): string[] {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const strings = all.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
  return [...new Set(strings.filter((x) => x.length > 0))].slice(0, 50);
}

const text = (label: string, max: number, required = false) =>
  z
    .string()
    .max(max, `${label} : ${max.toLocaleString('fr-FR')} caractères au plus.`)
    .refine((v) => !required || v.length > 0, `Saisissez ${label.toLowerCase()}.`);

/** An http(s) address with a host, or empty. */
const webAddress = z
  .string()
  .max(500, 'Cette adresse est trop longue : 500 caractères au plus.')
  .refine((v) => {
    if (!v) return true;
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Saisissez une adresse web complète, commençant par https://, par exemple https://code.gouv.fr.')
  .transform((v) => v || null);

const oneOf = <T extends string>(values: Record<T, string>, message: string) =>
  z.string().refine((v): v is T => Object.hasOwn(values, v), message) as unknown as z.ZodType<T>;

/** The solution form's fields, in the order the form shows them (and the error summary lists them). */
export const SOLUTION_FIELDS = {
  nom: 'Nom de la solution',
  probleme: 'Le problème qu’elle résout',
  description: 'Description',
  themes: 'Thèmes',
  maturite: 'Maturité',
  adoption: 'Modes d’adoption',
  licence: 'Licence',
  code_source: 'Adresse du code source',
  documentation: 'Adresse de la documentation',
  site: 'Site de présentation',
  cout: 'Modèle de coût',
  cout_precisions: 'Précisions sur le coût',
  accessibilite: 'Conformité à l’accessibilité (RGAA)',
  accessibilite_declaration: 'Déclaration d’accessibilité',
  securite: 'Sécurité',
  laureats: 'Projets lauréats qui l’ont financée',
  mainteneurs: 'Organisations qui la construisent ou la maintiennent',
} as const;

const solutionSchema = z.object({
  nom: text('Le nom', 120, true),
  probleme: text('Le problème qu’elle résout', 500, true),
  description: text('La description', 5_000),
  themes: z
    .array(z.string())
    .min(1, 'Choisissez au moins un thème.')
    .refine((list) => list.every((t) => Object.hasOwn(THEMES, t)), 'Choisissez des thèmes de la liste.'),
  maturite: oneOf(MATURITIES, 'Choisissez la maturité de la solution.'),
  adoption: z
    .array(z.string())
    .min(1, 'Choisissez au moins un mode d’adoption.')
    .refine(
      (list) => list.every((m) => Object.hasOwn(ADOPTION_MODES, m)),
      'Choisissez des modes de la liste.',
    ),
  licence: oneOf(LICENCES, 'Choisissez une licence.'),
  code_source: webAddress,
  documentation: webAddress,
  site: webAddress,
  cout: oneOf(COST_MODELS, 'Choisissez un modèle de coût.'),
  cout_precisions: text('Les précisions sur le coût', 500),
  accessibilite: oneOf(ACCESSIBILITY_STATUSES, 'Choisissez le niveau de conformité au RGAA.'),
  accessibilite_declaration: text('La déclaration d’accessibilité', 2_000),
  securite: text('La partie sécurité', 2_000),
  laureats: z
    .string()
    .max(2_000, 'Trop d’identifiants : 2 000 caractères au plus.')
    .transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
    .refine((ids) => ids.length <= 20, 'Indiquez au plus 20 projets lauréats.')
    .refine(
      (ids) => ids.every((id) => /^[\w.:-]{1,200}$/.test(id)),
      'Un identifiant de lauréat ne contient ni espace ni caractère spécial : copiez-le depuis l’adresse de sa page.',
    ),
  mainteneurs: z
    .string()
    .max(5_000)
    .transform((v, ctx) => {
      const out: Maintainer[] = [];
      for (const [n, line] of v.split(/\r?\n/).entries()) {
        if (!line.trim()) continue;
        const [rawSiren = '', ...rest] = line.split(';');
        const siren = rawSiren.replace(/\s/g, '');
        if (!isValidSiren(siren)) {
          ctx.addIssue({
            code: 'custom',
            message: `Ligne ${n + 1} : « ${rawSiren.trim().slice(0, 20)} » n’est pas un numéro SIREN valide (9 chiffres).`,
          });
          return z.NEVER;
        }
        out.push({
          siren,
          name: rest.join(';').trim().slice(0, 200),
          role: out.length === 0 ? 'porteur' : 'mainteneur',
        });
      }
      if (out.length > 20) {
        ctx.addIssue({ code: 'custom', message: 'Indiquez au plus 20 organisations.' });
        return z.NEVER;
      }
      return out;
    }),
});

/** What the form gave, as typed: redisplayed with its errors. */
export type SolutionFormValues = Record<
  Exclude<keyof typeof SOLUTION_FIELDS, 'themes' | 'adoption'>,
  string
> & {
  themes: string[];
  adoption: string[];
};

/** The typed values of a solution form body. */
export function solutionFormValues(body: Body): SolutionFormValues {
  const values = {} as Record<string, unknown>;
  for (const key of Object.keys(SOLUTION_FIELDS)) values[key] = textOf(body, key);
  values.themes = listOf(body, 'themes');
  values.adoption = listOf(body, 'adoption');
  return values as SolutionFormValues;
}

/**
 * Reads a solution form: its content, or its errors by field (and the values to show again).
 *
 * @example
 * const read = readSolutionForm(await c.req.parseBody({ all: true }));
 * if (!read.ok) … read.errors.nom …
 */
export function readSolutionForm(body: Body) {
  const values = solutionFormValues(body);
  const parsed = solutionSchema.safeParse(values);
  if (!parsed.success) return { ok: false as const, values, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  return {
    ok: true as const,
    values,
    content: {
      name: v.nom,
      summary: v.probleme,
      description: v.description,
      themes: v.themes,
      maturity: v.maturite,
      adoptionModes: v.adoption as AdoptionMode[],
      licence: v.licence,
      sourceUrl: v.code_source,
      documentationUrl: v.documentation,
      websiteUrl: v.site,
      costModel: v.cout,
      costDetails: v.cout_precisions,
      accessibilityStatus: v.accessibilite,
      accessibilityStatement: v.accessibilite_declaration,
      securityStatement: v.securite,
      laureatIds: v.laureats,
      maintainers: v.mainteneurs,
    },
  };
}

/** The reuse declaration's fields. */
export const USE_FIELDS = {
  organisation: 'Organisation',
  statut: 'Votre situation',
  depuis: 'Depuis quand',
  usage: 'Votre usage, en quelques mots',
  instance: 'Adresse de votre instance',
} as const;

const useSchema = z
  .object({
    organisation: z.string().regex(/^\d{9}$/, 'Choisissez l’organisation pour laquelle vous déclarez.'),
    statut: oneOf(USE_STATUSES, 'Dites si votre organisation l’utilise ou souhaite l’utiliser.'),
    depuis: z
      .string()
      .refine(
        (v) => !v || /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(v),
        'Indiquez le mois et l’année, au format AAAA-MM, par exemple 2022-09.',
      ),
    usage: text('Votre usage', 1_000),
    instance: webAddress,
  })
  .superRefine((v, ctx) => {
    if (v.statut === 'utilise' && !v.depuis) {
      ctx.addIssue({
        code: 'custom',
        path: ['depuis'],
        message: 'Indiquez depuis quand vous l’utilisez, au format AAAA-MM, par exemple 2022-09.',
      });
    }
  });

export function readUseForm(body: Body) {
  const values = {} as Record<keyof typeof USE_FIELDS, string>;
  for (const key of Object.keys(USE_FIELDS) as Array<keyof typeof USE_FIELDS>)
    values[key] = textOf(body, key);
  const parsed = useSchema.safeParse(values);
  if (!parsed.success) return { ok: false as const, values, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  return {
    ok: true as const,
    values,
    input: {
      siren: v.organisation,
      status: v.statut,
      since: v.statut === 'utilise' ? v.depuis : null,
      useCase: v.usage,
      instanceUrl: v.statut === 'utilise' ? v.instance : null,
    },
  };
}

/** A reason (a refusal, an archive, a report, a moderation): required, short. */
export function readReason(body: Body, field = 'motif', max = 1_000) {
  const value = textOf(body, field, max + 1);
  if (!value)
    return { ok: false as const, value, error: 'Indiquez le motif : il sera conservé dans l’historique.' };
  if (value.length > max)
    return {
      ok: false as const,
      value,
      error: `Le motif : ${max.toLocaleString('fr-FR')} caractères au plus.`,
    };
  return { ok: true as const, value };
}

/** Zod's issues as one French message per field (the first one). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}
