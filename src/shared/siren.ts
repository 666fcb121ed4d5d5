/**
 * SIREN (9 digits: a legal person, e.g. a commune) and SIRET (14 digits: one of its establishments, the SIREN
 * followed by a 5-digit NIC), as the INSEE's SIRENE register numbers them. Both end with a Luhn check digit,
 * except La Poste's establishments: La Poste (SIREN 356 000 000) has more offices than the Luhn scheme leaves
 * free numbers for, so the INSEE numbers them so that the sum of their digits is a multiple of 5.
 */

/** The SIREN of La Poste, whose SIRETs follow the sum-of-digits rule. */
export const LA_POSTE_SIREN = '356000000';

/**
 * An identifier as typed, without the spaces and dots people group digits with ("213 801 855").
 *
 * @example
 * compactIdentifier(' 213 801 855 ') // '213801855'
 */
export function compactIdentifier(input: string): string {
  return input.replace(/[\s.\u00a0\u202f]/g, '');
}

/**
 * Whether a string of digits passes the Luhn check (doubling every second digit from the right).
 *
 * @example
 * luhn('213801855') // true
 */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether a SIREN is well formed: 9 digits with a valid Luhn key. Spaces and dots are ignored.
 *
 * @example
 * isValidSiren('213 801 855') // true (Grenoble)
 * isValidSiren('213801856') // false
 */
export function isValidSiren(input: string): boolean {
  const siren = compactIdentifier(input);
  return /^\d{9}$/.test(siren) && luhn(siren);
}

/**
 * Whether a SIRET is well formed: 14 digits with a valid Luhn key or, for La Poste's establishments, digits
 * summing to a multiple of 5. Spaces and dots are ignored.
 *
 * @example
 * isValidSiret('213 801 855 00015') // true
 * isValidSiret('35600000049837') // true (a La Poste office: 3+5+6+4+9+8+3+7 = 45)
 */
export function isValidSiret(input: string): boolean {
  const siret = compactIdentifier(input);
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhn(siret)) return true;
  if (!siret.startsWith(LA_POSTE_SIREN)) return false;
  let sum = 0;
  for (const ch of siret) sum += ch.charCodeAt(0) - 48;
  return sum % 5 === 0;
}

/**
 * The SIREN of a valid SIRET (its first nine digits), or null when the SIRET is not valid.
 *
 * @example
 * sirenOfSiret('21380185500015') // '213801855'
 * sirenOfSiret('21380185500016') // null
 */
export function sirenOfSiret(input: string): string | null {
  const siret = compactIdentifier(input);
  return isValidSiret(siret) ? siret.slice(0, 9) : null;
}

/**
 * A SIREN written as the register prints it, in groups of three.
 *
 * @example
 * formatSiren('213801855') // '213 801 855'
 */
export function formatSiren(siren: string): string {
  return compactIdentifier(siren).replace(/^(\d{3})(\d{3})(\d{3})$/, '$1\u00a0$2\u00a0$3');
}
