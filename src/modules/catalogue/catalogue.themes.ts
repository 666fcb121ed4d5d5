/**
 * The catalogue's themes are the fund's (the 17 needs of axe 1 and the themes of axe 2): a solution and the
 * lauréat that financed it are found under the same words. Kept apart from catalogue.domain.ts, which the
 * API's description (read by the fund's OpenAPI document) imports: the domain must not load the fund.
 */
import { THEMES } from '../fund/index.js';

export { THEMES };

/** A theme's label, or its code when unknown. */
export function themeLabel(code: string): string {
  return THEMES[code] ?? code;
}
