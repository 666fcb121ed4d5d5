/** Reading a query string's parameters for the public APIs: the errors they collect, in French. */

/** A parameter refused, with why (the API answers them all at once, in a 400). */
export interface ParamError {
  param: string;
  message: string;
}

/**
 * A whole number between `min` and `max` from the parameter `param`: `fallback` when it is absent; out of
 * range or not a number, an error is recorded and the nearest bound (or `fallback`) is used.
 *
 * @example
 * integerParam('250', 1, 100, 20, 'limite', errors) // 100, with « « limite » attend un nombre entier entre 1 et 100. »
 */
export function integerParam(
  raw: string | undefined,
  min: number,
  max: number,
  fallback: number,
  param: string,
  errors: ParamError[],
): number {
  if (raw === undefined) return fallback;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(n) || n < min || n > max) {
    errors.push({ param, message: `« ${param} » attend un nombre entier entre ${min} et ${max}.` });
    return Number.isNaN(n) ? fallback : Math.min(max, Math.max(min, n));
  }
  return n;
}
