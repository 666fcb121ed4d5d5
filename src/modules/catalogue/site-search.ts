/**
 * The catalogue in the site's search (`/recherche`): each published solution is a document of kind `solution`
 * (its name, what it solves, its description), kept in step after every editorial write; a solution that is
 * not, or no longer, published is taken out.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { SearchIndex } from '../../ports/search-index.js';

export const SOLUTION_KIND = 'solution';
const BATCH = 200;

const docId = (id: string) => `catalogue:${id}`;

/**
 * Puts the solutions `ids` (every solution when omitted) in the site's search as they now stand. Returns how
 * many are indexed.
 *
 * @example
 * await indexSolutionsForSite(db, search, ['salle-sur-demande']);
 */
export async function indexSolutionsForSite(
  db: Kysely<Database>,
  search: SearchIndex,
  ids?: readonly string[],
): Promise<number> {
  let indexed = 0;
  const chunks = ids ? chunk([...ids]) : null;
  let after = '';
  for (let round = 0; ; round++) {
    let query = db
      .selectFrom('solution')
      .select(['id', 'name', 'summary', 'description', 'status', 'published_at', 'updated_at'])
      .orderBy('id')
      .limit(BATCH);
    if (chunks) {
      const part = chunks[round];
      if (!part) break;
      query = query.where('id', 'in', part);
    } else query = query.where('id', '>', after);
    const rows = await query.execute();
    if (!chunks && rows.length === 0) break;
    const published = rows.filter((r) => r.status === 'publiee');
    if (published.length > 0) {
      await search.upsert(
        published.map((r) => ({
          id: docId(r.id),
          kind: SOLUTION_KIND,
          url: `/catalogue/solutions/${encodeURIComponent(r.id)}`,
          title: r.name,
          body: [r.summary, r.description].filter(Boolean).join('\n'),
          date: r.published_at ?? r.updated_at,
        })),
      );
    }
    const found = new Set(rows.map((r) => r.id));
    const gone = chunks ? (chunks[round] ?? []).filter((id) => !found.has(id)) : [];
    const out = [...rows.filter((r) => r.status !== 'publiee').map((r) => r.id), ...gone];
    if (out.length > 0) await search.remove(out.map(docId));
    indexed += published.length;
    after = rows.at(-1)?.id ?? after;
  }
  return indexed;
}

function chunk(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH));
  return out;
}
