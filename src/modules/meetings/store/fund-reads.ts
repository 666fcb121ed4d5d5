/**
 * What the espace de rencontres reads of the fund's tables (`laureat`, `laureat_theme`, `laureat_coporteur`),
 * read-only, for suggestions: the themes of the projects an organisation carried or co-carried, or that were
 * carried in a collectivité's territory. The fund's index exposes no query that counts themes this way.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/**
 * Theme code → number of projects, for an organisation (SIREN) and a collectivité (territory key).
 *
 * @example
 * await projectThemes(db, { siren: '213801855', territoryKey: '38185' }) // Map { 'relation-usagers' => 2 }
 */
export async function projectThemes(
  db: Kysely<Database>,
  who: { siren: string | null; territoryKey: string | null },
): Promise<Map<string, number>> {
  if (!who.siren && !who.territoryKey) return new Map();
  const rows = await db
    .selectFrom('laureat as l')
    .innerJoin('laureat_theme as t', 't.laureat_id', 'l.id')
    .select(['t.theme_code', (eb) => eb.fn.count<number>('l.id').distinct().as('n')])
    .where((eb) => {
      const any = [];
      if (who.siren) {
        any.push(eb('l.porteur_siren', '=', who.siren));
        any.push(
          eb(
            'l.id',
            'in',
            eb.selectFrom('laureat_coporteur').select('laureat_id').where('siren', '=', who.siren),
          ),
        );
      }
      if (who.territoryKey) any.push(eb('l.territory_key', '=', who.territoryKey));
      return eb.or(any);
    })
    .groupBy('t.theme_code')
    .execute();
  return new Map(rows.map((r) => [r.theme_code, Number(r.n)]));
}
