import { type Generated, type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { entityTextIndex, stemsOf, type TextMatches } from '../../../adapters/search/entity-text.js';
import type { ParsedQuery } from '../../../adapters/search/query.js';
import { ADOPTION_MODES } from '../catalogue.domain.js';
import { themeLabel } from '../catalogue.themes.js';

/**
 * The solutions' full text, an entity index as the lauréats' (adapters/search/entity-text.ts): the same stems
 * on both dialects, so both find exactly the same solutions. Every write bumps `solution_search_meta.version`
 * in its transaction.
 */

const CHUNK = 500;

export type SearchTables = {
  solution_search: { rid: Generated<number>; solution_id: string };
  solution_search_meta: { id: number; version: number };
};
type Db = Kysely<Database>;

const index = entityTextIndex({ search: 'solution_search', id: 'solution_id', fts: 'solution_fts' });

async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Brings the index of these solutions up to date (name; problem, description, maintainers, themes, adoption
 * modes) and bumps the version. A solution that no longer exists leaves the index. Call it in the writing
 * transaction.
 *
 * @example
 * await indexSolutions(trx, 'sqlite', ['salle-sur-demande']);
 */
export async function indexSolutions(db: Db, dialect: Dialect, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < unique.length; i += CHUNK) await indexChunk(trx, dialect, unique.slice(i, i + CHUNK));
    await bumpIndexVersion(trx);
  });
}

/** Marks every process's facet table stale (a declaration changed the counts, not the words). */
export async function bumpIndexVersion(db: Db): Promise<void> {
  await sql`UPDATE solution_search_meta SET version = version + 1 WHERE id = 1`.execute(db);
}

/** The index's version, read before every search. */
export async function indexVersion(db: Db): Promise<number> {
  const row = await db
    .withTables<SearchTables>()
    .selectFrom('solution_search_meta')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

async function indexChunk(db: Db, dialect: Dialect, ids: string[]) {
  const [rows, themes, modes, maintainers] = await Promise.all([
    db
      .selectFrom('solution')
      .select(['id', 'name', 'summary', 'description'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('solution_theme')
      .select(['solution_id', 'theme_code'])
      .where('solution_id', 'in', ids)
      .execute(),
    db
      .selectFrom('solution_adoption')
      .select(['solution_id', 'mode'])
      .where('solution_id', 'in', ids)
      .execute(),
    db
      .selectFrom('solution_maintainer')
      .select(['solution_id', 'name'])
      .where('solution_id', 'in', ids)
      .execute(),
  ]);
  const found = new Set(rows.map((r) => r.id));
  const gone = ids.filter((id) => !found.has(id));
  const docs = rows.map((s) => {
    const extra = [
      ...themes.filter((t) => t.solution_id === s.id).map((t) => themeLabel(t.theme_code)),
      ...modes
        .filter((m) => m.solution_id === s.id)
        .map((m) => ADOPTION_MODES[m.mode as keyof typeof ADOPTION_MODES] ?? ''),
      ...maintainers.filter((m) => m.solution_id === s.id).map((m) => m.name),
    ];
    const title = stemsOf(s.name);
    const inTitle = new Set(title);
    const body = stemsOf([s.summary, s.description, ...extra].join('\n')).filter((w) => !inTitle.has(w));
    return { id: s.id, title, body };
  });
  await index.write(db, dialect, docs, gone);
}

/**
 * The rids a text matches, and those with every word in the name, as comma-separated strings.
 *
 * @example
 * await matchText(db, 'sqlite', parseSearchText('salles')); // { matched: '3,17', inTitle: '17' }
 */
export function matchText(db: Db, dialect: Dialect, query: ParsedQuery): Promise<TextMatches> {
  return index.match(db, dialect, query);
}
