/**
 * One value of a lauréat as people write it — in a spreadsheet cell or a form field — read into what is stored,
 * or the French reason it cannot be. Shared by the import and the edit form, so that both accept and refuse
 * the same things with the same words.
 */
import { compactIdentifier, isValidSiren, sirenOfSiret } from '../../../shared/siren.js';
import { type LaureatStatus, parseStatus, themeCodeOf } from '../fund.domain.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Whole euros fit PostgreSQL’s `integer`; the fund’s largest envelope is 34 M€. */
export const MAX_EUROS = 2_000_000_000;

/**
 * An amount in euros, rounded to the euro: French (« 12 500,50 », « 12.500,50 ») or plain (« 12500.5 ») writing,
 * a trailing « € » allowed.
 *
 * @example
 * parseEuros('12 500,50', 'montant') // { ok: true, value: 12501 }
 * parseEuros('douze', 'montant') // { ok: false, reason: 'montant n’est pas un nombre' }
 */
export function parseEuros(raw: string, column: string): Parsed<number> {
  const text = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|euros?|eur)$/i, '')
    .replace(/^\+/, '');
  let value: number;
  if (/^-?\d+([.,]\d+)?$/.test(text)) value = Number(text.replace(',', '.'));
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text))
    value = Number(text.replace(/\./g, '').replace(',', '.'));
  else return fail(`${column} n’est pas un nombre`);
  if (value < 0) return fail(`${column} ne peut pas être négatif`);
  const rounded = Math.round(value);
  if (rounded > MAX_EUROS) return fail(`${column} dépasse 2 milliards d’euros`);
  return ok(rounded);
}

/**
 * A day written AAAA-MM-JJ or JJ/MM/AAAA (a time after it, as spreadsheets export, is ignored), checked to exist.
 *
 * @example
 * parseDay('15/11/2021') // { ok: true, value: '2021-11-15' }
 * parseDay('31/02/2022') // { ok: false, reason: 'date impossible : 31/02/2022' }
 */
export function parseDay(raw: string): Parsed<string> {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+Z?)?$/.exec(text);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [0-9:]+)?$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : null;
  if (!parts) return fail(`date illisible : ${text} (attendue sous la forme AAAA-MM-JJ ou JJ/MM/AAAA)`);
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const exists = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!exists || y < 2000 || y > 2099) return fail(`date impossible : ${text}`);
  return ok(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/**
 * A SIREN, or the SIREN of a SIRET; spaces and dots ignored. Null when neither is valid.
 *
 * @example
 * sirenOf('213 801 855 00016') // '213801855'
 */
export function sirenOf(raw: string): string | null {
  const compact = compactIdentifier(raw);
  if (/^\d{9}$/.test(compact)) return isValidSiren(compact) ? compact : null;
  if (/^\d{14}$/.test(compact)) {
    const siren = sirenOfSiret(compact);
    return siren && isValidSiren(siren) ? siren : null;
  }
  return null;
}

/**
 * A list written with « | » between its values (spaces around them ignored, empty values dropped).
 *
 * @example
 * splitList(' a | b ||') // ['a', 'b']
 */
export function splitList(raw: string): string[] {
  return raw
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Themes by code or label, without repeats; the first unknown one refuses the value.
 *
 * @example
 * parseThemes('relation-usagers|Données ouvertes') // { ok: true, value: ['relation-usagers', 'donnees-ouvertes'] }
 */
export function parseThemes(values: string[]): Parsed<string[]> {
  const codes: string[] = [];
  for (const value of values) {
    const code = themeCodeOf(value);
    if (!code) return fail(`thème inconnu : ${value}`);
    if (!codes.includes(code)) codes.push(code);
  }
  return ok(codes);
}

/**
 * Co-porteurs by SIREN or SIRET, without repeats; the first invalid one refuses the value.
 *
 * @example
 * parseSirenList(['200040715', '213801855']) // { ok: true, value: ['200040715', '213801855'] }
 */
export function parseSirenList(values: string[]): Parsed<string[]> {
  const sirens: string[] = [];
  for (const value of values) {
    const siren = sirenOf(value);
    if (!siren) return fail(`SIREN de co-porteur invalide : ${value}`);
    if (!sirens.includes(siren)) sirens.push(siren);
  }
  return ok(sirens);
}

/**
 * A status; empty means « financé ».
 *
 * @example
 * parseStatusValue('') // { ok: true, value: 'finance' }
 */
export function parseStatusValue(raw: string): Parsed<LaureatStatus> {
  if (!raw.trim()) return ok('finance');
  const status = parseStatus(raw);
  return status ? ok(status) : fail(`statut inconnu : ${raw.trim()} (financé, en cours, livré ou abandonné)`);
}

/**
 * An optional web address: empty is null; otherwise http(s) only, 500 characters at most.
 *
 * @example
 * parseWebAddress('salles.example.fr') // { ok: false, reason: 'adresse web invalide : salles.example.fr (elle doit commencer par https://)' }
 */
export function parseWebAddress(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (!text) return ok(null);
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
    return fail(`adresse web invalide : ${text} (elle doit commencer par https://)`);
  }
  if (text.length > 500) return fail('adresse web trop longue : 500 caractères au plus');
  return ok(text);
}

/**
 * A text, trimmed, within a length; `required` refuses it empty.
 *
 * @example
 * parseText('', 'objet', { max: 300, required: true }) // { ok: false, reason: 'objet manquant' }
 */
export function parseText(
  raw: string,
  column: string,
  opts: { max: number; required?: boolean },
): Parsed<string> {
  const text = raw.trim();
  if (!text && opts.required) return fail(`${column} manquant`);
  if (text.length > opts.max) {
    const n = (v: number) => new Intl.NumberFormat('fr-FR').format(v);
    return fail(`${column} dépasse ${n(opts.max)} caractères (${n(text.length)})`);
  }
  return ok(text);
}

/**
 * An identifier given by the operator: it becomes the end of the lauréat’s address.
 *
 * @example
 * parseIdentifier('DINUM-2021-042') // { ok: true, value: 'DINUM-2021-042' }
 */
export function parseIdentifier(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (!text) return ok(null);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(text)) {
    return fail(
      'identifiant invalide : lettres, chiffres, points, tirets ou soulignés, 80 caractères au plus',
    );
  }
  return ok(text);
}
