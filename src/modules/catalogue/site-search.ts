/**
 * The catalogue in the site's search (`/recherche`): each published solution is a document of kind `solution`
 * (its name, what it solves, its description), kept in step after every editorial write; a solution that is
 * not, or no longer, published is taken out.
 */
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { SearchIndex } from '../../ports/search-index.js';

export const SOLUTION_KIND = 'solution';
const BATCH = 200;

const docId = (id: string) => `catalogue:${id}`;

/**
 * Puts the solutions `ids` (every solution when omitted) in the site's search as they now stand, a batch at a
 * time. Returns how many are indexed.
 *
 * Each batch holds a connection of `db` while it writes the index: on SQLite the index is written on the same
 * file outside Kysely, and holding the only connection keeps any other request's transaction from being open
 * meanwhile (the index's writes would join it, and go if it rolled back). Between batches the event loop runs
 * what waits. After writing, the batch's statuses are read again, and a solution archived meanwhile (by another
 * process) is taken out again.
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
    const part = chunks ? chunks[round] : null;
    if (chunks && !part) break;
    const rows = await db.connection().execute(async (conn) => {
      let query = conn
        .selectFrom('solution')
        .select(['id', 'name', 'summary', 'description', 'status', 'published_at', 'updated_at'])
        .orderBy('id')
        .limit(BATCH);
      query = part ? query.where('id', 'in', part) : query.where('id', '>', after);
      const found = await query.execute();
      const published = found.filter((r) => r.status === 'publiee');
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
      const still = published.length
        ? new Set(
            (
              await conn
                .selectFrom('solution')
                .select('id')
                .where(
                  'id',
                  'in',
                  published.map((r) => r.id),
                )
                .where('status', '=', 'publiee')
                .execute()
            ).map((r) => r.id),
          )
        : new Set<string>();
      const listed = new Set(found.map((r) => r.id));
      const out = [
        ...found.filter((r) => !still.has(r.id)).map((r) => r.id),
        ...(part ?? []).filter((id) => !listed.has(id)),
      ];
      if (out.length > 0) await search.remove(out.map(docId));
      indexed += still.size;
      return found;
    });
    if (!part && rows.length === 0) break;
    after = rows.at(-1)?.id ?? after;
    await setImmediate();
  }
  return indexed;
}

function chunk(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH));
  return out;
}
