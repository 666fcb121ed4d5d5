/**
 * A deterministic set of lauréats for the search's contract suite and HTTP tests: every facet has several
 * values, some rows lack a region or a population, titles share words in singular and plural, with and
 * without accents.
 */
import { THEMES } from '../fund.domain.js';
import { type TestLaureat, testLaureat } from './public-factory.js';

const PLACES = [
  {
    commune: '38185',
    dep: '38',
    region: '84',
    siren: '213801855',
    name: 'Commune de Grenoble',
    pop: 158_000,
  },
  {
    commune: '38421',
    dep: '38',
    region: '84',
    siren: '213804214',
    name: 'Commune de Saint-Martin-d’Hères',
    pop: 16_000,
  },
  {
    commune: '33063',
    dep: '33',
    region: '75',
    siren: '213300635',
    name: 'Commune de Bordeaux',
    pop: 260_000,
  },
  { commune: '35238', dep: '35', region: '53', siren: '213502388', name: 'Commune de Rennes', pop: 220_000 },
  {
    commune: '01001',
    dep: '01',
    region: '84',
    siren: '210100012',
    name: 'Commune de L’Abergement-Clémenciat',
    pop: 780,
  },
  { commune: '2A004', dep: '2A', region: '94', siren: '212000046', name: 'Commune d’Ajaccio', pop: 72_000 },
];

const TITLES = [
  'Réservation de salles municipales',
  'Reservation des salles de sport',
  'Signature électronique des actes',
  'Portail citoyen multicanal',
  'Dématérialisation des autorisations d’urbanisme',
  'Ouverture des données publiques',
  'Salle du conseil connectée',
  'Gestion électronique des documents',
];

/** A small linear congruential generator: the same rows on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `count` lauréats spread over every facet's values.
 *
 * @example
 * await insertTestLaureats(db, dialect, searchFixture(80));
 */
export function searchFixture(count = 80): TestLaureat[] {
  const random = seeded(2021);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const themes = Object.keys(THEMES);
  return Array.from({ length: count }, (_, i) => {
    const place = pick(PLACES);
    const kind = pick(['commune', 'commune', 'epci', 'departement', 'structure-mutualisation'] as const);
    const year = pick(['2021', '2022', '2022', '2023']);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const noPlace = kind === 'structure-mutualisation' && random() < 0.5;
    return testLaureat({
      id: `LAU-${String(i).padStart(3, '0')}`,
      dispositifCode: pick(['axe-1', 'axe-2', 'axe-2-bis', 'axe-3', 'axe-3']),
      title: `${pick(TITLES)} ${i % 7 === 0 ? 'et salles polyvalentes' : ''}`.trim(),
      summary: pick([
        'Les habitants réservent les équipements en ligne.',
        'Un service libre et mutualisé pour les agents.',
        'Des données ouvertes réutilisables par tous.',
      ]),
      porteurKind: kind,
      porteurSiren: place.siren,
      porteurName: place.name,
      territoryKey: kind === 'commune' ? place.commune : null,
      communeCode: noPlace ? null : place.commune,
      departementCode: noPlace ? null : place.dep,
      regionCode: noPlace ? null : place.region,
      population: noPlace ? null : place.pop,
      amountEur: pick([5_000, 9_999, 10_000, 42_000, 75_000, 120_000, 480_000, 650_000]),
      totalCostEur: random() < 0.8 ? 800_000 : null,
      filedOn: `${year}-${month}-01`,
      decidedOn: `${year}-${month}-${String(10 + (i % 18)).padStart(2, '0')}`,
      status: pick(['finance', 'en-cours', 'livre', 'abandonne']),
      themes: [...new Set([pick(themes), ...(random() < 0.4 ? [pick(themes)] : [])])],
      demonstration: i % 2 === 0,
      outputs: i % 3 === 0 ? 'Un logiciel libre publié sur le catalogue.' : '',
    });
  });
}
