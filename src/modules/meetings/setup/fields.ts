/**
 * Reading the organisers' and members' forms: a posted form as strings (lists for the checkboxes), and the
 * zod pieces with their French messages. A missing field reads as an empty string, never as a 500.
 */
import { z } from 'zod';
import { parisInstant } from '../paris-time.js';

export type Form = Record<string, string | string[]>;

/**
 * A posted body as text fields; repeated names (checkboxes) as lists; files are dropped.
 *
 * @example
 * formOf(await c.req.parseBody({ all: true })) // { nom: 'Mission Cloud', themes: ['cooperation'] }
 */
export function formOf(body: Record<string, unknown>): Form {
  const out: Form = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = value.slice(0, 5000);
    else if (Array.isArray(value))
      out[key] = value.filter((v): v is string => typeof v === 'string').slice(0, 100);
  }
  return out;
}

/** One text value of a form (the first of a list). */
export function one(form: Form, key: string): string {
  const v = form[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** The list of values of a form's checkboxes. */
export function many(form: Form, key: string): string[] {
  const v = form[key];
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** A trimmed text, required when `required` holds its message. */
export function text(max: number, required?: string) {
  const tooLong = { error: `Ce texte est trop long (${max} caractères au plus).` };
  return z
    .string()
    .default('')
    .transform((s) => s.trim())
    .pipe(required ? z.string().min(1, { error: required }).max(max, tooLong) : z.string().max(max, tooLong));
}

/** A whole number between `min` and `max`, typed in a text or number field. */
export function whole(min: number, max: number, message: string) {
  return z
    .string()
    .default('')
    .transform((s) => s.trim())
    .pipe(z.string().regex(/^\d{1,6}$/, { error: message }))
    .transform(Number)
    .pipe(z.number().min(min, { error: message }).max(max, { error: message }));
}

/** An optional whole number: null when left empty. */
export function optionalWhole(min: number, max: number, message: string) {
  return z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const s = raw.trim();
      if (s === '') return null;
      const n = Number(s);
      if (!/^\d{1,6}$/.test(s) || n < min || n > max) {
        ctx.issues.push({ code: 'custom', message, input: raw });
        return z.NEVER;
      }
      return n;
    });
}

/** A time of day, `HH:MM` (or `9h30`, `9 h 30`), normalised to `HH:MM`. */
export function timeOfDay(message: string) {
  return z
    .string()
    .default('')
    .transform((s) => normalizeTime(s))
    .pipe(z.string({ error: message }).regex(/^\d{2}:\d{2}$/, { error: message }));
}

/** `9h30`, `9 h 30`, `09:30` → `09:30`; anything else → ''. */
export function normalizeTime(value: string): string {
  const m = /^(\d{1,2})\s*[:h]\s*(\d{2})?$/.exec(value.trim());
  if (!m) return '';
  const h = Number(m[1]);
  const mi = Number(m[2] ?? '0');
  if (h > 23 || mi > 59) return '';
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` or `JJ/MM/AAAA` → `YYYY-MM-DD`; anything else → ''. */
export function normalizeDay(value: string): string {
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : '';
}

/**
 * A Paris date and time from two fields, as a UTC instant; null when both are empty; an error when one is
 * missing or not real.
 *
 * @example
 * instantFrom('2023-01-18', '15:00') // { ok: true, value: '2023-01-18T14:00:00.000Z' }
 */
export function instantFrom(day: string, time: string): { ok: true; value: string | null } | { ok: false } {
  if (day.trim() === '' && time.trim() === '') return { ok: true, value: null };
  const value = parisInstant(normalizeDay(day), normalizeTime(time) || 'x');
  return value ? { ok: true, value } : { ok: false };
}

/** zod's first message per field, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}
