import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { buildFacetTable, type FacetTable, type SourceRow } from './facet-table.js';
import { indexVersion, type SearchTables } from './text-index.js';

interface State {
  cached: { table: FacetTable; version: number } | null;
  pending: Promise<{ table: FacetTable; version: number }> | null;
}
const states = new WeakMap<object, State>();

/**
 * The facet table of a database, loaded on first use and reloaded when the index version changed: every
 * write of the catalogue (a solution, a declaration) bumps it in its transaction, so a change committed by
 * any process is seen by the next search of every other.
 *
 * @example
 * const table = await facetTableOf(db, 'postgres');
 */
export async function facetTableOf(db: Kysely<Database>, _dialect: Dialect): Promise<FacetTable> {
  let state = states.get(db);
  if (!state) {
    state = { cached: null, pending: null };
    states.set(db, state);
  }
  const version = await indexVersion(db);
  if (state.cached && state.cached.version === version) return state.cached.table;
  const current = state;
  current.pending ??= load(db, version).finally(() => {
    current.pending = null;
  });
  current.cached = await current.pending;
  return current.cached.table;
}

async function load(db: Kysely<Database>, version: number) {
  const published = db.selectFrom('solution').select('id').where('status', '=', 'publiee');
  const [solutions, themes, modes, uses, maintainers] = await Promise.all([
    db
      .withTables<SearchTables>()
      .selectFrom('solution as s')
      .leftJoin('solution_search as f', 'f.solution_id', 's.id')
      .select([
        's.id',
        's.name',
        's.summary',
        's.maturity',
        's.licence',
        's.verified',
        's.published_at',
        's.demonstration',
        'f.rid',
      ])
      .where('s.status', '=', 'publiee')
      .execute(),
    db
      .selectFrom('solution_theme')
      .select(['solution_id', 'theme_code'])
      .where('solution_id', 'in', published)
      .execute(),
    db
      .selectFrom('solution_adoption')
      .select(['solution_id', 'mode'])
      .where('solution_id', 'in', published)
      .execute(),
    db
      .selectFrom('solution_use')
      .select([
        'solution_id',
        'status',
        'organisation_siren',
        'organisation_kind',
        'commune_code',
        'epci_code',
        'departement_code',
        'region_code',
      ])
      .where('solution_id', 'in', published)
      .execute(),
    db
      .selectFrom('solution_maintainer')
      .select(['solution_id', 'name'])
      .where('solution_id', 'in', published)
      .orderBy('name')
      .execute(),
  ]);
  const rows = new Map<string, SourceRow>();
  for (const s of solutions) {
    rows.set(s.id, {
      id: s.id,
      rid: s.rid === null ? null : Number(s.rid),
      name: s.name,
      themes: [],
      maturity: s.maturity,
      licence: s.licence,
      adoptionModes: [],
      verified: Number(s.verified) === 1,
      publishedAt: s.published_at ?? '',
      users: [],
      interested: 0,
      card: {
        id: s.id,
        name: s.name,
        summary: s.summary,
        themes: [],
        maturity: s.maturity,
        licence: s.licence,
        verified: Number(s.verified) === 1,
        maintainers: [],
        publishedAt: s.published_at,
        demonstration: Number(s.demonstration) === 1,
      },
    });
  }
  for (const m of maintainers) rows.get(m.solution_id)?.card.maintainers.push(m.name);
  for (const t of themes) rows.get(t.solution_id)?.themes.push(t.theme_code);
  for (const row of rows.values()) row.card.themes = [...row.themes].sort();
  for (const m of modes) rows.get(m.solution_id)?.adoptionModes.push(m.mode);
  for (const u of uses) {
    const row = rows.get(u.solution_id);
    if (!row) continue;
    if (u.status !== 'utilise') {
      row.interested++;
      continue;
    }
    row.users.push({
      siren: u.organisation_siren,
      kind: u.organisation_kind,
      communeCode: u.commune_code,
      epciCode: u.epci_code,
      departementCode: u.departement_code,
      regionCode: u.region_code,
    });
  }
  return { table: buildFacetTable([...rows.values()]), version };
}
