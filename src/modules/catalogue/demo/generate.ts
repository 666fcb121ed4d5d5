/**
 * Generated demonstration data: solutions with plausible names and facts, and reuse declarations by real
 * collectivités of the COG (communes and EPCI, with their SIREN), clustered around each solution's porteur as
 * reuse spreads between neighbours. Deterministic: the same seed, the same rows.
 */

import { type Random, seededRandom } from '../../../shared/random.js';
import {
  type AdoptionMode,
  type Licence,
  type Maturity,
  type Solution,
  type SolutionUse,
  solutionIdFrom,
} from '../catalogue.domain.js';
import { NAMED_SOLUTIONS } from './named.js';

/** A collectivité of the COG that can declare: what a declaration copies of it. */
export interface DemoCollectivite {
  siren: string;
  name: string;
  kind: 'commune' | 'epci';
  communeCode: string | null;
  epciCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
}

const PRODUCTS: Array<[string, string, string[]]> = [
  [
    'Portail citoyen',
    'Les habitants font leurs démarches et suivent leurs demandes en ligne.',
    ['relation-usagers', 'dematerialisation-demarches'],
  ],
  [
    'Registre des délibérations',
    'Les délibérations et arrêtés sont publiés et archivés sans papier.',
    ['instances-deliberatives', 'gestion-documents'],
  ],
  [
    'Signalement de voirie',
    'Les habitants signalent un nid-de-poule ou un éclairage en panne, photo à l’appui.',
    ['signalement-incidents', 'relation-usagers'],
  ],
  [
    'Prêt de matériel',
    'Les communes prêtent et réservent tables, barnums et véhicules entre elles.',
    ['reservation-ressources'],
  ],
  [
    'Budget participatif',
    'Les habitants proposent des projets et votent pour ceux qu’ils préfèrent.',
    ['participation-citoyenne'],
  ],
  [
    'Tableau de bord énergie',
    'Les consommations des bâtiments publics sont suivies pour les réduire.',
    ['transition-ecologique', 'pilotage-donnee'],
  ],
  [
    'Cartographie partagée',
    'Les réseaux, les zonages et les équipements sur une carte commune à tous les services.',
    ['information-geographique'],
  ],
  [
    'Guichet des aides',
    'Les collectivités trouvent les financements auxquels leurs projets ont droit.',
    ['recherche-financements'],
  ],
  [
    'Agenda partagé',
    'Les agents et les élus partagent agendas, documents et visioconférences.',
    ['travail-collaboratif'],
  ],
  [
    'Application terrain',
    'Les agents en intervention consultent et remplissent leurs fiches sur mobile.',
    ['agents-intervention'],
  ],
  [
    'Annuaire des commerces',
    'Les commerces du territoire, leurs horaires et leurs services, en données ouvertes.',
    ['donnees-commerces', 'donnees-ouvertes'],
  ],
  [
    'Diagnostic numérique',
    'Une collectivité évalue sa maturité numérique et reçoit un plan d’action.',
    ['diagnostic-numerique'],
  ],
  [
    'Lettre d’information',
    'Les habitants reçoivent les nouvelles de leur commune par courriel ou SMS.',
    ['communication-usagers'],
  ],
  [
    'Suivi social',
    'Les travailleurs sociaux suivent les accompagnements en respectant le secret.',
    ['accompagnement-social'],
  ],
  [
    'Catalogue de données',
    'Les jeux de données de la collectivité, publiés et documentés.',
    ['donnees-ouvertes', 'usage-donnee'],
  ],
  [
    'Connexion FranceConnect',
    'Les usagers se connectent aux démarches locales avec FranceConnect.',
    ['franceconnect-api', 'dematerialisation-demarches'],
  ],
  [
    'Gestion électronique des courriers',
    'Les courriers entrants sont numérisés, attribués et suivis.',
    ['gestion-documents'],
  ],
  [
    'Inscription scolaire',
    'Les familles inscrivent leurs enfants à l’école, à la cantine et au périscolaire.',
    ['dematerialisation-demarches', 'relation-usagers'],
  ],
];
const QUALIFIERS = [
  '',
  'libre',
  'mutualisé',
  'intercommunal',
  'simplifié',
  'ouvert',
  'territorial',
  'pour petites communes',
];
const LICENCE_WEIGHTS: Array<readonly [Licence, number]> = [
  ['agpl-3.0', 30],
  ['eupl-1.2', 18],
  ['mit', 12],
  ['gpl-3.0', 8],
  ['cecill-2.1', 8],
  ['apache-2.0', 6],
  ['proprietaire', 14],
  ['autre', 4],
];
const MATURITY_WEIGHTS: Array<readonly [Maturity, number]> = [
  ['experimentation', 30],
  ['production', 50],
  ['generalise', 20],
];
const ADOPTIONS: AdoptionMode[] = ['auto-heberge', 'mutualisation', 'saas'];

export interface DemoData {
  solutions: Solution[];
  uses: SolutionUse[];
}

/** A day between two dates, as an ISO timestamp at 09:00 UTC. */
function dayBetween(random: Random, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  const day = Math.floor((a + random.next() * (b - a)) / 86_400_000) * 86_400_000;
  return new Date(day + 9 * 3_600_000).toISOString();
}

/**
 * The demonstration catalogue: the named solutions, then `count` generated ones, with `uses` declarations
 * in all (about; a solution never has the same organisation twice) spread over `collectivites`.
 *
 * @example
 * const { solutions, uses } = generateCatalogue({ seed: 2023, count: 300, uses: 3000, collectivites });
 */
export function generateCatalogue(options: {
  seed: number;
  count: number;
  uses: number;
  collectivites: DemoCollectivite[];
}): DemoData {
  const random = seededRandom(options.seed);
  const bySiren = new Map(options.collectivites.map((c) => [c.siren, c]));
  const byDepartement = new Map<string, DemoCollectivite[]>();
  for (const c of options.collectivites) {
    const list = byDepartement.get(c.departementCode ?? '') ?? [];
    list.push(c);
    byDepartement.set(c.departementCode ?? '', list);
  }
  const solutions: Solution[] = [];
  const uses: SolutionUse[] = [];
  const taken = new Set<string>();
  const base = (s: Partial<Solution> & Pick<Solution, 'id' | 'publishedAt'>): Solution => ({
    name: '',
    summary: '',
    description: '',
    themes: [],
    licence: 'agpl-3.0',
    sourceUrl: null,
    documentationUrl: null,
    websiteUrl: null,
    maturity: 'production',
    adoptionModes: [],
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
    demonstration: true,
    screenshots: [],
    createdAt: s.publishedAt!,
    updatedAt: s.publishedAt!,
    submittedAt: s.publishedAt,
    archivedAt: null,
    ...s,
  });
  const declare = (solution: Solution, c: DemoCollectivite, status: 'utilise' | 'souhaite') => {
    const at = dayBetween(random, solution.publishedAt ?? '2022-01-01', '2023-01-15');
    uses.push({
      id: `demo-usage-${uses.length + 1}`,
      solutionId: solution.id,
      organisationSiren: c.siren,
      status,
      since: status === 'utilise' ? at.slice(0, 7) : null,
      useCase: '',
      instanceUrl: null,
      declaredBy: null,
      organisationName: c.name,
      organisationKind: c.kind,
      communeCode: c.communeCode,
      epciCode: c.epciCode,
      departementCode: c.departementCode,
      regionCode: c.regionCode,
      demonstration: true,
      createdAt: at,
      updatedAt: at,
    });
  };

  for (const named of NAMED_SOLUTIONS) {
    taken.add(named.id);
    const { team: _team, users, verified, ...rest } = named;
    const solution = base({
      ...rest,
      verified,
      verifiedAt: verified ? named.publishedAt : null,
      verifiedBy: verified ? 'Équipe du programme (démonstration)' : null,
    });
    solutions.push(solution);
    for (const siren of users) {
      const c = bySiren.get(siren);
      if (c) declare(solution, c, 'utilise');
    }
  }

  const generated: Solution[] = [];
  for (let i = 0; i < options.count; i++) {
    const [product, summary, themes] = random.pick(PRODUCTS);
    const qualifier = random.pick(QUALIFIERS);
    const porteur = options.collectivites.length > 0 ? random.pick(options.collectivites) : null;
    const name = `${product}${qualifier ? ` ${qualifier}` : ''}${porteur && random.chance(0.6) ? ` — ${porteur.name}` : ''}`;
    const id = solutionIdFrom(name, taken);
    taken.add(id);
    const roll = random.next();
    const status = roll < 0.04 ? 'soumise' : roll < 0.06 ? 'brouillon' : roll < 0.09 ? 'archivee' : 'publiee';
    const publishedAt = dayBetween(random, '2021-09-01', '2023-01-15');
    const licence = random.weighted(LICENCE_WEIGHTS);
    const modes = ADOPTIONS.filter(() => random.chance(0.45));
    const verified = status === 'publiee' && random.chance(0.3);
    const solution = base({
      id,
      name,
      summary,
      description: `${summary} Solution de démonstration, générée pour montrer le catalogue.`,
      themes: random.chance(0.3) ? [...new Set([...themes, random.pick(PRODUCTS)[2][0]!])] : themes,
      licence,
      sourceUrl: licence === 'proprietaire' ? null : `https://git.example.fr/demo/${id}`,
      documentationUrl: random.chance(0.6) ? `https://doc.example.fr/${id}` : null,
      maturity: random.weighted(MATURITY_WEIGHTS),
      adoptionModes: modes.length > 0 ? modes : [random.pick(ADOPTIONS)],
      costModel: random.weighted([
        ['gratuit', 50],
        ['adhesion', 25],
        ['abonnement', 15],
        ['sur-devis', 10],
      ] as const),
      accessibilityStatus: random.weighted([
        ['totale', 10],
        ['partielle', 40],
        ['non-conforme', 10],
        ['non-evaluee', 40],
      ] as const),
      maintainers: porteur ? [{ siren: porteur.siren, name: porteur.name, role: 'porteur' }] : [],
      status,
      verified,
      verifiedAt: verified ? publishedAt : null,
      verifiedBy: verified ? 'Équipe du programme (démonstration)' : null,
      publishedAt: status === 'publiee' || status === 'archivee' ? publishedAt : null,
      submittedAt: status === 'brouillon' ? null : publishedAt,
      archivedAt: status === 'archivee' ? publishedAt : null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
    solutions.push(solution);
    if (status === 'publiee') generated.push(solution);
  }

  // Declarations: a heavy tail (a few solutions used everywhere, most by a handful), mostly near the porteur.
  const weights = generated.map(() => random.next() ** 3);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  generated.forEach((solution, i) => {
    const wanted = Math.round((options.uses * weights[i]!) / total);
    const home = solution.maintainers[0] ? bySiren.get(solution.maintainers[0].siren) : undefined;
    const near = home ? (byDepartement.get(home.departementCode ?? '') ?? []) : [];
    const chosen = new Set<string>();
    for (
      let tries = 0;
      chosen.size < wanted && tries < wanted * 3 && options.collectivites.length > 0;
      tries++
    ) {
      const c =
        near.length > 0 && random.chance(0.5) ? random.pick(near) : random.pick(options.collectivites);
      if (chosen.has(c.siren) || c.siren === home?.siren) continue;
      chosen.add(c.siren);
      declare(solution, c, random.chance(0.85) ? 'utilise' : 'souhaite');
    }
  });
  return { solutions, uses };
}
