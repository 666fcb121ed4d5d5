import { z } from 'zod';
import { COLLECTIVITE_KINDS, TERRITORY_KINDS, type TerritoryKind } from './territories.domain.js';

/** What a person typed: control characters dropped, cut to a length no place name reaches. */
const typed = z
  .string()
  .catch('')
  .default('')
  .transform((s) =>
    s
      .replace(/\p{Cc}/gu, ' ')
      .slice(0, 100)
      .trim(),
  );

/**
 * Kinds from `types`, repeated (`types=commune&types=epci`, what checkboxes send) or comma-separated
 * (`types=commune,epci`, what the picker's script sends). Unknown kinds are dropped; none left means the
 * collectivités.
 */
const kinds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .catch(undefined)
  .transform((value): TerritoryKind[] => {
    const list = (Array.isArray(value) ? value : [value ?? ''])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase());
    const known = TERRITORY_KINDS.filter((k) => list.includes(k));
    return known.length > 0 ? known : [...COLLECTIVITE_KINDS];
  });

/** `/territoires/suggestions`: garbage falls back to defaults, never to an error. */
export const suggestionsQuerySchema = z.object({
  q: typed,
  types: kinds,
  limite: z.coerce.number().int().min(1).max(20).catch(10).default(10),
});

/** `/territoires/recherche`. */
export const searchQuerySchema = z.object({ q: typed, types: kinds });

/** A territory page's member list page. */
export const territoryPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** `/territoires/aller`: what the territories' home page picker submits. */
export const goQuerySchema = z.object({
  territoire: z.string().max(40).catch('').default(''),
  territoire_libelle: typed,
});
