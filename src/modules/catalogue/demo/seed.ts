/**
 * The demonstration catalogue in a database: what the platform's demo seeding calls, once.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { Clock } from '../../../ports/clock.js';
import { organisationScope, solutionScope } from '../catalogue.domain.js';
import { type DemoCollectivite, generateCatalogue } from './generate.js';
import { insertCatalogue } from './insert.js';
import { NAMED_SOLUTIONS } from './named.js';

/** The seed of the platform's demonstration: the year of the Journée. */
export const DEMO_SEED = 2023;

/**
 * The collectivités of the loaded COG that can declare (communes and EPCI: they carry their SIREN), in code
 * order. Read from the territories' table once, as the fund's demo does: the territories module's public face
 * has no « every commune » list.
 *
 * @example
 * (await demoCollectivites(db)).length // 36,000 and more once the COG is loaded, 0 before
 */
export async function demoCollectivites(db: Kysely<Database>): Promise<DemoCollectivite[]> {
  const rows = await db
    .selectFrom('territory')
    .select(['kind', 'code', 'name', 'siren', 'epci_code', 'departement_code', 'region_code'])
    .where('kind', 'in', ['commune', 'epci'])
    .where('siren', 'is not', null)
    .orderBy('kind')
    .orderBy('code')
    .execute();
  return rows.map((r) => {
    const name = r.name.replace(/'/g, '’');
    return {
      siren: r.siren!,
      name:
        r.kind === 'commune'
          ? communeName(name)
          : name.replace(/^CC /, 'Communauté de communes ').replace(/^CA /, 'Communauté d’agglomération '),
      kind: r.kind as 'commune' | 'epci',
      communeCode: r.kind === 'commune' ? r.code : null,
      epciCode: r.kind === 'epci' ? r.code : r.epci_code,
      departementCode: r.departement_code,
      regionCode: r.region_code,
    };
  });
}

/** « Commune de Grenoble », « Commune du Havre », « Commune d’Ajaccio » (as the organisations' register names them). */
function communeName(n: string): string {
  if (n.startsWith('Les ')) return `Commune des ${n.slice(4)}`;
  if (n.startsWith('Le ')) return `Commune du ${n.slice(3)}`;
  if (/^[AEIOUYÂÀÉÈÊÎÏÔŒÛÜ]/.test(n)) return `Commune d’${n}`;
  return `Commune de ${n}`;
}

export interface CatalogueSeedReport {
  solutions: number;
  uses: number;
  ms: number;
}

/**
 * Fills an empty catalogue with the demonstration data (seed 2023: the named lauréats' solutions and 300
 * generated ones, about 3,000 declarations), and gives the named solutions a demonstration team that accepts
 * messages (and the organisations' existing référents their consent), so that « Contacter l’équipe » can be
 * tried. Does nothing when any solution exists. Without the COG, the solutions come without declarations.
 *
 * @example
 * await seedCatalogueDemo({ db, dialect: 'sqlite', clock, ensureReferent: null });
 */
export async function seedCatalogueDemo(options: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  /** Grants a référent role to an address (creating the person), returning the person's id. */
  ensureReferent: ((email: string, scope: string) => Promise<string>) | null;
  seed?: number;
  count?: number;
}): Promise<CatalogueSeedReport> {
  const started = performance.now();
  const { db } = options;
  const existing = await db.selectFrom('solution').select('id').limit(1).executeTakeFirst();
  if (existing) return { solutions: 0, uses: 0, ms: performance.now() - started };
  const count = options.count ?? 300;
  const data = generateCatalogue({
    seed: options.seed ?? DEMO_SEED,
    count,
    uses: count * 10,
    collectivites: await demoCollectivites(db),
  });
  await insertCatalogue(db, options.dialect, data);
  const at = options.clock.now().toISOString();
  const consent = async (personId: string, scope: string) =>
    db
      .insertInto('catalogue_contact_optin')
      .values({ person_id: personId, scope, created_at: at })
      .onConflict((oc) => oc.columns(['person_id', 'scope']).doNothing())
      .execute();
  if (options.ensureReferent) {
    for (const named of NAMED_SOLUTIONS) {
      const scope = solutionScope(named.id);
      await consent(await options.ensureReferent(named.team, scope), scope);
    }
  }
  // The demonstration référents of organisations that use a named solution (Grenoble's) accept messages.
  const userScopes = NAMED_SOLUTIONS.flatMap((n) => n.users.map(organisationScope));
  if (userScopes.length > 0) {
    const grants = await db
      .selectFrom('role_grant')
      .select(['person_id', 'scope'])
      .where('role', '=', 'referent')
      .where('scope', 'in', userScopes)
      .where('revoked_at', 'is', null)
      .execute();
    for (const g of grants) await consent(g.person_id, g.scope);
  }
  return { solutions: data.solutions.length, uses: data.uses.length, ms: performance.now() - started };
}
