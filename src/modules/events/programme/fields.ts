/**
 * The field types of the organisers' forms, with their French messages. Inputs are the strings a form sends
 * (a missing field is an empty string), read generously: a date typed `18/01/2023` in a browser without a date
 * picker, a time typed `9 h 30`.
 */
import { z } from 'zod';

/**
 * A free text field, trimmed; required when `required` holds its message.
 *
 * @example
 * text(200, 'Indiquez le titre.').parse('  Atelier ') // 'Atelier'
 */
export function text(max: number, required?: string) {
  const base = z
    .string()
    .default('')
    .transform((s) => s.trim());
  return base.pipe(
    required
      ? z
          .string()
          .min(1, { error: required })
          .max(max, { error: `Ce texte est trop long (${max} caractères au plus).` })
      : z.string().max(max, { error: `Ce texte est trop long (${max} caractères au plus).` }),
  );
}

/**
 * An optional text: null when empty.
 *
 * @example
 * optionalText(200).parse('') // null
 */
export function optionalText(max: number) {
  return text(max).transform((s) => (s === '' ? null : s));
}

/** A checkbox: ticked when the form sent anything but an empty string. */
export const checkbox = z
  .string()
  .default('')
  .transform((s) => s !== '');

/**
 * A date as `YYYY-MM-DD` (what `<input type="date">` sends) or `JJ/MM/AAAA` (what people type without one).
 *
 * @example
 * normalizeDate('18/01/2023') // '2023-01-18'
 */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (fr) return `${fr[3]}-${fr[2]?.padStart(2, '0')}-${fr[1]?.padStart(2, '0')}`;
  return null;
}

/**
 * A time as `HH:MM`, from `09:00`, `9:00`, `9h`, `9 h 30`.
 *
 * @example
 * normalizeTime('9 h 30') // '09:30'
 */
export function normalizeTime(value: string): string | null {
  const m = /^(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?$/i.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * A number of seats: a positive whole number, or empty for no limit (null).
 *
 * @example
 * capacity.parse('250') // 250
 * capacity.parse('') // null
 */
export const capacity = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const v = s.replace(/[\s\u202f\u00a0]/g, '');
    if (v === '') return null;
    if (!/^\d+$/.test(v) || Number(v) < 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'Indiquez un nombre entier positif, ou laissez vide pour ne pas limiter.',
      });
      return z.NEVER;
    }
    if (Number(v) > 1_000_000) {
      ctx.addIssue({ code: 'custom', message: 'Ce nombre est trop grand (1 000 000 au plus).' });
      return z.NEVER;
    }
    return Number(v);
  });

/**
 * A whole number in a range, with a default when left empty.
 *
 * @example
 * wholeNumber(1, 720, 48, 'Entre 1 et 720.').parse('') // 48
 */
export function wholeNumber(min: number, max: number, fallback: number, message: string) {
  return z
    .string()
    .default('')
    .transform((s, ctx) => {
      const v = s.trim();
      if (v === '') return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });
}

/**
 * One of a closed list of values (a select), with the message for anything else.
 *
 * @example
 * oneOf(['texte', 'choix'], 'Choisissez un type.').parse('choix') // 'choix'
 */
export function oneOf<const T extends string>(values: readonly T[], message: string) {
  return z
    .string({ error: message })
    .default('')
    .refine((v): v is T => (values as readonly string[]).includes(v), { error: message })
    .transform((v) => v as T);
}

/**
 * The first French message of a zod error, per field (the first path element names the field).
 *
 * @example
 * fieldErrors(result.error) // { title: 'Indiquez le titre de l’événement.' }
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * A form body as flat strings: the first string of each field, files and arrays of files ignored, so that a
 * forged body cannot reach a schema with a shape it does not expect.
 *
 * @example
 * formStrings(await c.req.parseBody({ all: true }))
 */
export function formStrings(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

/**
 * Reads each field with its own schema and reports every failure on its field, so that a form sent back shows
 * all its errors at once (an object schema would stop before its cross-field checks). A field that failed is
 * absent from the result.
 *
 * @example
 * const f = parseFields(raw, { title: text(200, 'Indiquez le titre.') }, ctx); // { title?: string }
 */
export function parseFields<S extends Record<string, z.ZodType>>(
  raw: Record<string, unknown>,
  shape: S,
  ctx: z.RefinementCtx,
): { [K in keyof S]?: z.output<S[K]> } {
  const out: { [K in keyof S]?: z.output<S[K]> } = {};
  for (const key of Object.keys(shape) as Array<keyof S & string>) {
    const value = raw[key];
    const parsed = (shape[key] as z.ZodType).safeParse(typeof value === 'string' ? value : undefined);
    if (parsed.success) out[key] = parsed.data as z.output<S[typeof key]>;
    else
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: parsed.error.issues[0]?.message ?? 'Valeur refusée.',
      });
  }
  return out;
}
