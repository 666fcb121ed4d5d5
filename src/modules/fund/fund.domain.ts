/**
 * The fund « Transformation numérique des collectivités territoriales » (France Relance, mesure ITN7): its
 * dispositifs, their dated eligibility rules, the themes, and the lauréats it financed. Pure data and rules;
 * no I/O. Facts from the programme's public figures (see DOMAIN.md).
 */
import { sha256 } from '../../shared/hash.js';

export type DispositifCode = 'axe-1' | 'axe-2' | 'axe-2-bis' | 'axe-3';

export interface Dispositif {
  code: DispositifCode;
  label: string;
  operateur: 'ANCT' | 'DINUM' | 'DITP';
  envelopeEur: number;
  periodStart: string;
  periodEnd: string | null;
  description: string;
  themes: string[];
  sortOrder: number;
}

/** An eligibility rule, in force from `validFrom` until the next version of the same dispositif. */
export interface DispositifRule {
  id: string;
  dispositifCode: DispositifCode;
  validFrom: string;
  minPopulation: number | null;
  departementEligible: boolean;
  maxStateShare: number | null;
  flatAmountEur: number | null;
  notes: string;
}

/** The 17 needs kept by the axe 1 national consultation, then the axe 2 themes. */
export const THEMES: Record<string, string> = {
  'relation-usagers': 'Relation usagers',
  'travail-collaboratif': 'Travail collaboratif et à distance',
  'gestion-documents': 'Gestion électronique des documents',
  'pilotage-donnee': 'Pilotage par la donnée',
  'instances-deliberatives': 'Instances délibératives',
  'agents-intervention': 'Agents en intervention',
  'participation-citoyenne': 'Participation citoyenne',
  'donnees-ouvertes': 'Données ouvertes',
  'reservation-ressources': 'Mutualiser et réserver des ressources',
  'information-geographique': 'Information géographique',
  'transition-ecologique': 'Transition écologique',
  'donnees-commerces': 'Données des commerces',
  'diagnostic-numerique': 'Diagnostic numérique',
  'communication-usagers': 'Communication avec les usagers',
  'accompagnement-social': 'Accompagnement social',
  'signalement-incidents': 'Signalement d’incidents',
  'recherche-financements': 'Recherche de financements',
  'dematerialisation-demarches': 'Dématérialisation des démarches',
  'usage-donnee': 'Usage de la donnée',
  cooperation: 'Coopération avec les partenaires et usagers',
  'franceconnect-api': 'FranceConnect et API',
};

export const DISPOSITIFS: Dispositif[] = [
  {
    code: 'axe-1',
    label: 'Axe 1 — Services numériques mutualisés (Incubateur des territoires)',
    operateur: 'ANCT',
    envelopeEur: 30_000_000,
    periodStart: '2021-01-25',
    periodEnd: '2023-12-31',
    description:
      'Des services numériques libres et mutualisés, coconstruits avec des collectivités et mis à la disposition de toutes. Choisis par une consultation nationale : 476 contributions, 67 propositions, 17 besoins retenus.',
    themes: Object.keys(THEMES).slice(0, 17),
    sortOrder: 1,
  },
  {
    code: 'axe-2',
    label: 'Axe 2 — Grands projets de transformation numérique (DINUM)',
    operateur: 'DINUM',
    envelopeEur: 24_000_000,
    periodStart: '2021-01-25',
    periodEnd: '2022-12-31',
    description:
      'Appels à projets et guichet continu pour les grands projets : démarches en ligne, données, coopération, FranceConnect et API nationales.',
    themes: ['dematerialisation-demarches', 'usage-donnee', 'cooperation', 'franceconnect-api'],
    sortOrder: 2,
  },
  {
    code: 'axe-2-bis',
    label: 'Axe 2 bis — Guichet FranceConnect et API (DINUM)',
    operateur: 'DINUM',
    envelopeEur: 25_000_000,
    periodStart: '2021-06-01',
    periodEnd: '2022-12-31',
    description:
      'Un forfait de 5 000 € par collectivité pour déployer FranceConnect et des démarches pré-remplies grâce aux API nationales.',
    themes: ['franceconnect-api'],
    sortOrder: 3,
  },
  {
    code: 'axe-3',
    label: 'Axe 3 — Guichets territoriaux (DITP, par les préfectures)',
    operateur: 'DITP',
    envelopeEur: 34_000_000,
    periodStart: '2021-01-25',
    periodEnd: '2022-12-31',
    description:
      'Des projets locaux de toute taille — études, ingénierie, déploiement, formation — instruits par chaque préfecture de département, en priorité pour les petites et moyennes collectivités.',
    themes: Object.keys(THEMES),
    sortOrder: 4,
  },
];

/** Rules that changed: axe 2's population threshold and State share were eased in October 2021. */
export const DISPOSITIF_RULES: DispositifRule[] = [
  {
    id: 'axe-2@2021-01-25',
    dispositifCode: 'axe-2',
    validFrom: '2021-01-25',
    minPopulation: 500_000,
    departementEligible: false,
    maxStateShare: 0.5,
    flatAmountEur: null,
    notes: 'Collectivités ou groupements d’environ 500 000 habitants ; part de l’État plafonnée à 50 %.',
  },
  {
    id: 'axe-2@2021-10-01',
    dispositifCode: 'axe-2',
    validFrom: '2021-10-01',
    minPopulation: 300_000,
    departementEligible: true,
    maxStateShare: 0.75,
    flatAmountEur: null,
    notes: 'À partir d’octobre 2021 : 300 000 habitants ou un département ; part de l’État portée à 75 %.',
  },
  {
    id: 'axe-2-bis@2021-06-01',
    dispositifCode: 'axe-2-bis',
    validFrom: '2021-06-01',
    minPopulation: null,
    departementEligible: true,
    maxStateShare: null,
    flatAmountEur: 5_000,
    notes: 'Forfait de 5 000 € par collectivité.',
  },
  {
    id: 'axe-1@2021-01-25',
    dispositifCode: 'axe-1',
    validFrom: '2021-01-25',
    minPopulation: null,
    departementEligible: true,
    maxStateShare: null,
    flatAmountEur: null,
    notes: 'Projets retenus par la consultation nationale de l’Incubateur des territoires.',
  },
  {
    id: 'axe-3@2021-01-25',
    dispositifCode: 'axe-3',
    validFrom: '2021-01-25',
    minPopulation: null,
    departementEligible: true,
    maxStateShare: null,
    flatAmountEur: null,
    notes: 'Enveloppe répartie par département ; priorité aux petites et moyennes collectivités.',
  },
];

/**
 * The rule a project is judged by: the latest version in force on the day it was filed.
 *
 * @example
 * ruleInForce('axe-2', '2021-11-15')?.minPopulation // 300000
 */
export function ruleInForce(
  code: DispositifCode,
  filedOn: string,
  rules = DISPOSITIF_RULES,
): DispositifRule | null {
  return (
    rules
      .filter((r) => r.dispositifCode === code && r.validFrom <= filedOn)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? null
  );
}

export type LaureatStatus = 'finance' | 'en-cours' | 'livre' | 'abandonne';
export const STATUS_LABELS: Record<LaureatStatus, string> = {
  finance: 'Financé',
  'en-cours': 'En cours',
  livre: 'Livré',
  abandonne: 'Abandonné',
};

export type PorteurKind = 'commune' | 'epci' | 'departement' | 'region' | 'structure-mutualisation' | 'autre';
export const PORTEUR_KIND_LABELS: Record<PorteurKind, string> = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  'structure-mutualisation': 'Structure de mutualisation',
  autre: 'Autre organisme public',
};

/** Population strata of the CGCT / DGCL statistics (communes), used for every kind of porteur. */
export const POPULATION_BANDS = [
  { code: 'moins-500', label: 'Moins de 500 habitants', min: 0, max: 499 },
  { code: '500-1999', label: 'De 500 à 1 999 habitants', min: 500, max: 1_999 },
  { code: '2000-3499', label: 'De 2 000 à 3 499 habitants', min: 2_000, max: 3_499 },
  { code: '3500-9999', label: 'De 3 500 à 9 999 habitants', min: 3_500, max: 9_999 },
  { code: '10000-19999', label: 'De 10 000 à 19 999 habitants', min: 10_000, max: 19_999 },
  { code: '20000-49999', label: 'De 20 000 à 49 999 habitants', min: 20_000, max: 49_999 },
  { code: '50000-99999', label: 'De 50 000 à 99 999 habitants', min: 50_000, max: 99_999 },
  { code: '100000-plus', label: '100 000 habitants et plus', min: 100_000, max: Number.MAX_SAFE_INTEGER },
] as const;

export const AMOUNT_BANDS = [
  { code: 'moins-10k', label: 'Moins de 10 000 €', min: 0, max: 9_999 },
  { code: '10k-50k', label: 'De 10 000 à 49 999 €', min: 10_000, max: 49_999 },
  { code: '50k-100k', label: 'De 50 000 à 99 999 €', min: 50_000, max: 99_999 },
  { code: '100k-500k', label: 'De 100 000 à 499 999 €', min: 100_000, max: 499_999 },
  { code: '500k-plus', label: '500 000 € et plus', min: 500_000, max: Number.MAX_SAFE_INTEGER },
] as const;

/** The band a population or an amount falls in. */
export function bandOf<B extends { code: string; min: number; max: number }>(
  bands: readonly B[],
  value: number | null,
): B | null {
  if (value === null || !Number.isFinite(value)) return null;
  return bands.find((b) => value >= b.min && value <= b.max) ?? null;
}

export interface Laureat {
  id: string;
  dispositifCode: DispositifCode;
  title: string;
  summary: string;
  porteur: { siren: string; name: string; kind: PorteurKind };
  territoryKey: string | null;
  communeCode: string | null;
  /** The EPCI the porteur is or belongs to (optional: added after the first version of this type). */
  epciCode?: string | null;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
  amountEur: number;
  totalCostEur: number | null;
  filedOn: string | null;
  decidedOn: string;
  status: LaureatStatus;
  siteUrl: string | null;
  sourceUrl: string | null;
  outputs: string;
  themes: string[];
  coporteurs: Array<{ siren: string; name: string }>;
  demonstration: boolean;
  sourceHash: string;
  createdAt: string;
  updatedAt: string;
}

/** The State's share of the project's cost (0–1), when the total cost is known. */
export function stateShare(l: Pick<Laureat, 'amountEur' | 'totalCostEur'>): number | null {
  return l.totalCostEur && l.totalCostEur > 0 ? l.amountEur / l.totalCostEur : null;
}

// ——— Added for the operators’ data management (import, edit form, eligibility). ———

/** Every dispositif code, in the fund’s order. */
export const DISPOSITIF_CODES: readonly DispositifCode[] = ['axe-1', 'axe-2', 'axe-2-bis', 'axe-3'];

/**
 * Whether a value is one of the dispositif codes, exactly as stored.
 *
 * @example
 * isDispositifCode('axe-2-bis') // true
 */
export function isDispositifCode(value: unknown): value is DispositifCode {
  return typeof value === 'string' && (DISPOSITIF_CODES as readonly string[]).includes(value);
}

/**
 * A dispositif as people write it in a spreadsheet: its code (`axe-2-bis`), its number alone (`2 bis`, `2bis`),
 * or « Axe 2 bis »; case, accents and spaces do not matter. Null when it names none.
 *
 * @example
 * parseDispositifCode('2 bis') // 'axe-2-bis'
 * parseDispositifCode('Axe 3') // 'axe-3'
 */
export function parseDispositifCode(raw: string): DispositifCode | null {
  const folded = foldLabel(raw)
    .replace(/^axe/, '')
    .replace(/[\s_-]+/g, '');
  const code = { '1': 'axe-1', '2': 'axe-2', '2bis': 'axe-2-bis', '3': 'axe-3' }[folded];
  return isDispositifCode(code) ? code : null;
}

/**
 * The dispositif of a code (every code has one).
 *
 * @example
 * dispositifOf('axe-2').operateur // 'DINUM'
 */
export function dispositifOf(code: DispositifCode): Dispositif {
  return DISPOSITIFS.find((d) => d.code === code)!;
}

export const LAUREAT_STATUSES = Object.keys(STATUS_LABELS) as LaureatStatus[];

/**
 * A status as written in a file or a form: its code or its label, accents and case ignored.
 *
 * @example
 * parseStatus('en cours') // 'en-cours'
 * parseStatus('Livré') // 'livre'
 */
export function parseStatus(raw: string): LaureatStatus | null {
  const folded = foldLabel(raw).replace(/[\s_]+/g, '-');
  return LAUREAT_STATUSES.find((s) => s === folded || foldedStatus(s) === folded) ?? null;
}

const foldedStatuses = new Map<LaureatStatus, string>();
function foldedStatus(s: LaureatStatus): string {
  let folded = foldedStatuses.get(s);
  if (folded === undefined) {
    folded = foldLabel(STATUS_LABELS[s]).replace(/\s+/g, '-');
    foldedStatuses.set(s, folded);
  }
  return folded;
}

let themesByFolded: Map<string, string> | null = null;

/**
 * A theme as written in a file or a form: its code (`relation-usagers`) or its label (« Relation usagers »),
 * accents, case and apostrophes ignored.
 *
 * @example
 * themeCodeOf('Signalement d’incidents') // 'signalement-incidents'
 */
export function themeCodeOf(raw: string): string | null {
  // Folded once: an import asks for the same few themes a hundred thousand times.
  themesByFolded ??= new Map(
    Object.entries(THEMES).flatMap(([code, label]) => [
      [foldLabel(label), code],
      [code, code],
    ]),
  );
  return themesByFolded.get(foldLabel(raw)) ?? null;
}

/**
 * The porteur kind of an organisation kind (the territories module’s): préfectures, State services and other
 * administrations are « autre ».
 *
 * @example
 * porteurKindOf('structure-mutualisation') // 'structure-mutualisation'
 * porteurKindOf('prefecture') // 'autre'
 */
export function porteurKindOf(organisationKind: string): PorteurKind {
  return Object.hasOwn(PORTEUR_KIND_LABELS, organisationKind) ? (organisationKind as PorteurKind) : 'autre';
}

/**
 * Lower case, no accents, apostrophes as spaces, spaces collapsed: how codes and labels are compared.
 *
 * @example
 * foldLabel('Signalement d’incidents') // 'signalement d incidents'
 */
export function foldLabel(text: string): string {
  // Remembered: an import folds the same few dispositifs, statuses and themes a hundred thousand times.
  const known = folded.get(text);
  if (known !== undefined) return known;
  const result = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’']/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= 100) {
    if (folded.size >= 10_000) folded.clear();
    folded.set(text, result);
  }
  return result;
}
const folded = new Map<string, string>();

/**
 * The fingerprint of what a lauréat says (everything but its timestamps), stored as `sourceHash`: an import
 * line or a form that says the same thing again changes nothing. Every writer of lauréats (import, edit form,
 * demonstration generator) sets it with this function, so that each recognises the others’ rows.
 *
 * @example
 * laureat.sourceHash = laureatFingerprint(laureat);
 */
export function laureatFingerprint(l: Omit<Laureat, 'sourceHash' | 'createdAt' | 'updatedAt'>): string {
  return sha256(
    JSON.stringify([
      l.id,
      l.dispositifCode,
      l.title,
      l.summary,
      l.porteur.siren,
      l.porteur.name,
      l.porteur.kind,
      l.territoryKey,
      l.communeCode,
      l.epciCode ?? null,
      l.departementCode,
      l.regionCode,
      l.population,
      l.amountEur,
      l.totalCostEur,
      l.filedOn,
      l.decidedOn,
      l.status,
      l.siteUrl,
      l.sourceUrl,
      l.outputs,
      [...l.themes].sort(),
      [...l.coporteurs].sort((a, b) => a.siren.localeCompare(b.siren)).map((c) => [c.siren, c.name]),
      l.demonstration,
    ]),
  );
}
