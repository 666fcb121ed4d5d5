/**
 * The catalogue de mutualisation: solutions, their vocabularies, reuse declarations. Pure types and rules;
 * no I/O (the editorial workflow's rules are in catalogue.workflow.ts).
 */

/** How far a solution has come (« maturité »). */
export const MATURITIES = {
  experimentation: 'Expérimentation',
  production: 'En production',
  generalise: 'Généralisé',
} as const;
export type Maturity = keyof typeof MATURITIES;

/** Licences met in public digital services (SPDX identifiers, lower case), and the closed cases. */
export const LICENCES = {
  'agpl-3.0': 'GNU AGPL 3.0',
  'gpl-3.0': 'GNU GPL 3.0',
  'lgpl-3.0': 'GNU LGPL 3.0',
  'eupl-1.2': 'EUPL 1.2',
  'cecill-2.1': 'CeCILL 2.1',
  'mpl-2.0': 'Mozilla Public License 2.0',
  'apache-2.0': 'Apache 2.0',
  mit: 'MIT',
  'etalab-2.0': 'Licence Ouverte 2.0 (Etalab)',
  proprietaire: 'Propriétaire',
  autre: 'Autre licence',
} as const;
export type Licence = keyof typeof LICENCES;

/** Whether a licence is free (libre): shown beside it. */
export function isFreeLicence(licence: string): boolean {
  return licence !== 'proprietaire' && licence !== 'autre' && Object.hasOwn(LICENCES, licence);
}

/** How a collectivité can adopt it. */
export const ADOPTION_MODES = {
  'auto-heberge': 'En l’hébergeant soi-même',
  mutualisation: 'Par une structure de mutualisation',
  saas: 'En service en ligne (SaaS)',
} as const;
export type AdoptionMode = keyof typeof ADOPTION_MODES;

export const COST_MODELS = {
  gratuit: 'Gratuit',
  adhesion: 'Compris dans une adhésion',
  abonnement: 'Abonnement',
  'sur-devis': 'Sur devis',
} as const;
export type CostModel = keyof typeof COST_MODELS;

/** The RGAA's conformity levels, as an accessibility statement gives them. */
export const ACCESSIBILITY_STATUSES = {
  totale: 'Totalement conforme (RGAA)',
  partielle: 'Partiellement conforme (RGAA)',
  'non-conforme': 'Non conforme (RGAA)',
  'non-evaluee': 'Non évaluée',
} as const;
export type AccessibilityStatus = keyof typeof ACCESSIBILITY_STATUSES;

/** The editorial states: brouillon → soumise → publiee → archivee (a refusal sends it back to brouillon). */
export const SOLUTION_STATUSES = {
  brouillon: 'Brouillon',
  soumise: 'En attente de relecture',
  publiee: 'Publiée',
  archivee: 'Archivée',
} as const;
export type SolutionStatus = keyof typeof SOLUTION_STATUSES;

export const MAINTAINER_ROLES = {
  porteur: 'Porteur',
  mainteneur: 'Mainteneur',
  contributeur: 'Contributeur',
} as const;
export type MaintainerRole = keyof typeof MAINTAINER_ROLES;

/** A reuse declaration's two answers, in one form. */
export const USE_STATUSES = {
  utilise: 'Nous utilisons',
  souhaite: 'Nous souhaitons l’utiliser',
} as const;
export type UseStatus = keyof typeof USE_STATUSES;

/** The kinds of adopters (the territories module's organisation kinds, grouped for the facet). */
export const ADOPTER_KINDS = {
  commune: 'Communes',
  epci: 'Intercommunalités',
  departement: 'Départements',
  region: 'Régions',
  'structure-mutualisation': 'Structures de mutualisation',
  autre: 'Autres organismes publics',
} as const;
export type AdopterKind = keyof typeof ADOPTER_KINDS;

/**
 * The adopter kind of an organisation kind: préfectures and other administrations are « autre ».
 *
 * @example
 * adopterKindOf('prefecture') // 'autre'
 */
export function adopterKindOf(organisationKind: string): AdopterKind {
  return Object.hasOwn(ADOPTER_KINDS, organisationKind) ? (organisationKind as AdopterKind) : 'autre';
}

/** A solution's id: a slug the référent scope accepts (`solution:[a-z0-9-]{1,80}`). */
export const SOLUTION_ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export interface Maintainer {
  siren: string;
  name: string;
  role: MaintainerRole;
}

export interface Screenshot {
  id: string;
  storageKey: string;
  contentType: string;
  altText: string;
  position: number;
}

/** What an editor fills in (the form's values once read). */
export interface SolutionContent {
  name: string;
  summary: string;
  description: string;
  themes: string[];
  licence: Licence;
  sourceUrl: string | null;
  documentationUrl: string | null;
  websiteUrl: string | null;
  maturity: Maturity;
  adoptionModes: AdoptionMode[];
  costModel: CostModel;
  costDetails: string;
  accessibilityStatus: AccessibilityStatus;
  accessibilityStatement: string;
  securityStatement: string;
  laureatIds: string[];
  maintainers: Maintainer[];
}

export interface Solution extends SolutionContent {
  id: string;
  status: SolutionStatus;
  verified: boolean;
  verifiedAt: string | null;
  verifiedBy: string | null;
  authorId: string | null;
  authorSiren: string | null;
  refusalReason: string | null;
  demonstration: boolean;
  screenshots: Screenshot[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
}

/** Where a declaring organisation is: copied onto the declaration for facets and maps. */
export interface UsePlace {
  organisationName: string;
  organisationKind: string;
  communeCode: string | null;
  epciCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
}

export interface SolutionUse extends UsePlace {
  id: string;
  solutionId: string;
  organisationSiren: string;
  status: UseStatus;
  since: string | null;
  useCase: string;
  instanceUrl: string | null;
  declaredBy: string | null;
  demonstration: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
}

/** The référents' scope of a solution, as grants and consents name it. */
export const solutionScope = (id: string) => `solution:${id}`;
/** The référents' scope of an organisation. */
export const organisationScope = (siren: string) => `organisation:${siren}`;

/**
 * A readable id from a name, unique among `taken` (a counter is added when needed).
 *
 * @example
 * solutionIdFrom('Salle sur demande', new Set()) // 'salle-sur-demande'
 */
export function solutionIdFrom(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'solution';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
