/**
 * Factories for the catalogue's tests: a solution and a declaration with sensible defaults, and a
 * deterministic set of them where every facet has several values.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { Solution, SolutionUse } from '../catalogue.domain.js';
import { insertCatalogue } from '../demo/insert.js';

export function testSolution(overrides: Partial<Solution> & { id: string }): Solution {
  const at = overrides.publishedAt ?? '2022-06-01T09:00:00.000Z';
  return {
    name: `Solution ${overrides.id}`,
    summary: 'Un outil pour les collectivités.',
    description: '',
    themes: ['relation-usagers'],
    licence: 'agpl-3.0',
    sourceUrl: null,
    documentationUrl: null,
    websiteUrl: null,
    maturity: 'production',
    adoptionModes: ['saas'],
    costModel: 'gratuit',
    costDetails: '',
    accessibilityStatus: 'non-evaluee',
    accessibilityStatement: '',
    securityStatement: '',
    laureatIds: [],
    maintainers: [],
    status: 'publiee',
    verified: false,
    verifiedAt: null,
    verifiedBy: null,
    authorId: null,
    authorSiren: null,
    refusalReason: null,
    demonstration: false,
    screenshots: [],
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    publishedAt: at,
    archivedAt: null,
    ...overrides,
  };
}

/** Where the test organisations are (real COG codes). */
export const PLACES = {
  grenoble: {
    siren: '213801855',
    name: 'Commune de Grenoble',
    kind: 'commune',
    communeCode: '38185',
    epciCode: '200040715',
    departementCode: '38',
    regionCode: '84',
  },
  metro: {
    siren: '200040715',
    name: 'Grenoble-Alpes-Métropole',
    kind: 'epci',
    communeCode: null,
    epciCode: '200040715',
    departementCode: '38',
    regionCode: '84',
  },
  saintEgreve: {
    siren: '213803828',
    name: 'Commune de Saint-Égrève',
    kind: 'commune',
    communeCode: '38382',
    epciCode: '200040715',
    departementCode: '38',
    regionCode: '84',
  },
  voiron: {
    siren: '213805633',
    name: 'Commune de Voiron',
    kind: 'commune',
    communeCode: '38563',
    epciCode: '243800984',
    departementCode: '38',
    regionCode: '84',
  },
  isere: {
    siren: '223800012',
    name: 'Département de l’Isère',
    kind: 'departement',
    communeCode: null,
    epciCode: null,
    departementCode: '38',
    regionCode: '84',
  },
  bordeaux: {
    siren: '213300635',
    name: 'Commune de Bordeaux',
    kind: 'commune',
    communeCode: '33063',
    epciCode: '243300316',
    departementCode: '33',
    regionCode: '75',
  },
  rennes: {
    siren: '213502388',
    name: 'Commune de Rennes',
    kind: 'commune',
    communeCode: '35238',
    epciCode: '243500139',
    departementCode: '35',
    regionCode: '53',
  },
  megalis: {
    siren: '999900020',
    name: 'Mégalis Bretagne',
    kind: 'structure-mutualisation',
    communeCode: null,
    epciCode: null,
    departementCode: null,
    regionCode: null,
  },
  ajaccio: {
    siren: '212000046',
    name: 'Commune d’Ajaccio',
    kind: 'commune',
    communeCode: '2A004',
    epciCode: '242010056',
    departementCode: '2A',
    regionCode: '94',
  },
} as const;
export type PlaceKey = keyof typeof PLACES;

export function testUse(
  solutionId: string,
  place: PlaceKey,
  status: 'utilise' | 'souhaite' = 'utilise',
): SolutionUse {
  const p = PLACES[place];
  return {
    id: `${solutionId}:${p.siren}`,
    solutionId,
    organisationSiren: p.siren,
    status,
    since: status === 'utilise' ? '2022-09' : null,
    useCase: '',
    instanceUrl: null,
    declaredBy: null,
    organisationName: p.name,
    organisationKind: p.kind,
    communeCode: p.communeCode,
    epciCode: p.epciCode,
    departementCode: p.departementCode,
    regionCode: p.regionCode,
    demonstration: false,
    createdAt: '2022-10-01T09:00:00.000Z',
    updatedAt: '2022-10-01T09:00:00.000Z',
  };
}

const NAMES = [
  'Réservation de salles municipales',
  'Reservation des salles de sport',
  'Signature électronique des actes',
  'Portail citoyen multicanal',
  'Registre des délibérations',
  'Ouverture des données publiques',
  'Signalement de voirie',
  'Gestion électronique des documents',
];
const THEMES = [
  'relation-usagers',
  'reservation-ressources',
  'gestion-documents',
  'donnees-ouvertes',
  'signalement-incidents',
];
const LICENCES = ['agpl-3.0', 'eupl-1.2', 'mit', 'proprietaire'] as const;
const MATURITIES = ['experimentation', 'production', 'generalise'] as const;
const MODES = ['auto-heberge', 'mutualisation', 'saas'] as const;
const PLACE_KEYS = Object.keys(PLACES) as PlaceKey[];

/**
 * `n` solutions (a few not published) and their declarations, from a small fixed generator: every facet has
 * several values, titles share words in singular and plural, with and without accents; several solutions
 * have the same number of users or the same date, so the orders' tie-breakers are exercised.
 *
 * @example
 * const { solutions, uses } = searchFixture(60);
 */
export function searchFixture(n: number): { solutions: Solution[]; uses: SolutionUse[] } {
  let s = 20230118;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const solutions: Solution[] = [];
  const uses: SolutionUse[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s-${String(i).padStart(3, '0')}`;
    const day = `2022-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}T09:00:00.000Z`;
    const themes = [...new Set([pick(THEMES), ...(next() < 0.4 ? [pick(THEMES)] : [])])];
    const status = i % 17 === 5 ? 'brouillon' : i % 19 === 7 ? 'archivee' : 'publiee';
    solutions.push(
      testSolution({
        id,
        name: `${pick(NAMES)} ${i}`,
        summary: i % 3 === 0 ? 'Les habitants réservent une salle en ligne.' : 'Les agents gagnent du temps.',
        themes,
        licence: pick(LICENCES),
        maturity: pick(MATURITIES),
        adoptionModes: [...new Set([pick(MODES), pick(MODES)])],
        verified: next() < 0.3,
        status,
        publishedAt: status === 'brouillon' ? null : day,
      }),
    );
    const count = Math.floor(next() * 5);
    const chosen = new Set<PlaceKey>();
    while (chosen.size < count) chosen.add(pick(PLACE_KEYS));
    for (const place of chosen) uses.push(testUse(id, place, next() < 0.8 ? 'utilise' : 'souhaite'));
  }
  return { solutions, uses };
}

/** Writes solutions and declarations (and indexes them for search). */
export async function insertTestCatalogue(
  db: Kysely<Database>,
  dialect: Dialect,
  data: { solutions: Solution[]; uses?: SolutionUse[] },
): Promise<void> {
  await insertCatalogue(db, dialect, { solutions: data.solutions, uses: data.uses ?? [] });
}
