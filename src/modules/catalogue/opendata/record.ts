/**
 * The catalogue as open data: one record per published solution (with its users in the JSON), one line per
 * reuse declaration in the users' file. Column names in French camelCase, as the lauréats' files; the same
 * records feed the API (`/api/v1/solutions`), so the files and the API cannot disagree.
 */
import { isFreeLicence, type Solution, type SolutionUse } from '../catalogue.domain.js';

export interface SolutionRecord {
  identifiant: string;
  nom: string;
  probleme: string;
  description: string;
  themes: string[];
  maturite: string;
  licence: string;
  licenceLibre: boolean;
  codeSource: string | null;
  documentation: string | null;
  site: string | null;
  modesAdoption: string[];
  modeleCout: string;
  precisionsCout: string;
  accessibilite: string;
  declarationAccessibilite: string;
  securite: string;
  verifiee: boolean;
  dateVerification: string | null;
  datePublication: string | null;
  mainteneurs: string[];
  laureats: string[];
  nombreUtilisateurs: number;
  nombreInteresses: number;
  demonstration: boolean;
  url: string;
}

export interface UseRecord {
  solution: string;
  nomSolution: string;
  sirenOrganisation: string;
  nomOrganisation: string;
  typeOrganisation: string;
  codeCommune: string | null;
  codeEpci: string | null;
  codeDepartement: string | null;
  codeRegion: string | null;
  statut: string;
  depuis: string | null;
  usage: string;
  instance: string | null;
  dateDeclaration: string;
  demonstration: boolean;
}

type ColumnType = 'texte' | 'nombre' | 'date' | 'booléen' | 'liste';
export interface ColumnDoc<K extends string> {
  name: K;
  type: ColumnType;
  description: string;
}

export const SOLUTION_COLUMNS: Array<ColumnDoc<keyof SolutionRecord>> = [
  {
    name: 'identifiant',
    type: 'texte',
    description: 'Identifiant stable de la solution (la fin de l’adresse de sa page).',
  },
  { name: 'nom', type: 'texte', description: 'Nom de la solution.' },
  { name: 'probleme', type: 'texte', description: 'Le problème qu’elle résout, en mots simples.' },
  { name: 'description', type: 'texte', description: 'Description.' },
  { name: 'themes', type: 'liste', description: 'Codes des thèmes (ceux du fonds), séparés par « | ».' },
  { name: 'maturite', type: 'texte', description: 'experimentation, production ou generalise.' },
  {
    name: 'licence',
    type: 'texte',
    description: 'Licence (identifiant SPDX en minuscules, proprietaire ou autre).',
  },
  { name: 'licenceLibre', type: 'booléen', description: 'Si la licence est libre.' },
  { name: 'codeSource', type: 'texte', description: 'Adresse du code source.' },
  { name: 'documentation', type: 'texte', description: 'Adresse de la documentation.' },
  { name: 'site', type: 'texte', description: 'Site de présentation.' },
  { name: 'modesAdoption', type: 'liste', description: 'auto-heberge, mutualisation, saas.' },
  { name: 'modeleCout', type: 'texte', description: 'gratuit, adhesion, abonnement ou sur-devis.' },
  { name: 'precisionsCout', type: 'texte', description: 'Précisions sur le coût.' },
  {
    name: 'accessibilite',
    type: 'texte',
    description: 'Conformité au RGAA : totale, partielle, non-conforme, non-evaluee.',
  },
  {
    name: 'declarationAccessibilite',
    type: 'texte',
    description: 'Résumé ou adresse de la déclaration d’accessibilité.',
  },
  { name: 'securite', type: 'texte', description: 'Déclaration de sécurité.' },
  {
    name: 'verifiee',
    type: 'booléen',
    description: 'Si le programme a vérifié les informations (sinon : déclarées par l’équipe).',
  },
  { name: 'dateVerification', type: 'date', description: 'Date de la vérification.' },
  { name: 'datePublication', type: 'date', description: 'Date de publication dans le catalogue.' },
  {
    name: 'mainteneurs',
    type: 'liste',
    description: 'Organisations qui la construisent : « SIREN:nom », séparées par « | ».',
  },
  { name: 'laureats', type: 'liste', description: 'Identifiants des lauréats du fonds qui l’ont financée.' },
  {
    name: 'nombreUtilisateurs',
    type: 'nombre',
    description: 'Organisations ayant déclaré « nous utilisons ».',
  },
  {
    name: 'nombreInteresses',
    type: 'nombre',
    description: 'Organisations ayant déclaré « nous souhaitons l’utiliser ».',
  },
  { name: 'demonstration', type: 'booléen', description: 'Donnée de démonstration, inventée.' },
  { name: 'url', type: 'texte', description: 'L’adresse de sa page sur ce site.' },
];

export const USE_COLUMNS: Array<ColumnDoc<keyof UseRecord>> = [
  { name: 'solution', type: 'texte', description: 'Identifiant de la solution.' },
  { name: 'nomSolution', type: 'texte', description: 'Nom de la solution.' },
  { name: 'sirenOrganisation', type: 'texte', description: 'SIREN de l’organisation qui déclare.' },
  { name: 'nomOrganisation', type: 'texte', description: 'Nom de l’organisation.' },
  {
    name: 'typeOrganisation',
    type: 'texte',
    description: 'commune, epci, departement, region, structure-mutualisation…',
  },
  { name: 'codeCommune', type: 'texte', description: 'Code INSEE de la commune de l’organisation.' },
  { name: 'codeEpci', type: 'texte', description: 'SIREN de son intercommunalité.' },
  { name: 'codeDepartement', type: 'texte', description: 'Code INSEE de son département.' },
  { name: 'codeRegion', type: 'texte', description: 'Code INSEE de sa région.' },
  { name: 'statut', type: 'texte', description: 'utilise ou souhaite.' },
  { name: 'depuis', type: 'texte', description: 'Mois de début d’utilisation (AAAA-MM).' },
  { name: 'usage', type: 'texte', description: 'L’usage, en quelques mots.' },
  { name: 'instance', type: 'texte', description: 'Adresse de l’instance de l’organisation.' },
  { name: 'dateDeclaration', type: 'date', description: 'Date de la déclaration.' },
  { name: 'demonstration', type: 'booléen', description: 'Donnée de démonstration, inventée.' },
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/** A published solution as a record (counts from its declarations). */
export function toSolutionRecord(s: Solution, counts: { users: number; interested: number }): SolutionRecord {
  return {
    identifiant: s.id,
    nom: s.name,
    probleme: s.summary,
    description: s.description,
    themes: s.themes,
    maturite: s.maturity,
    licence: s.licence,
    licenceLibre: isFreeLicence(s.licence),
    codeSource: s.sourceUrl,
    documentation: s.documentationUrl,
    site: s.websiteUrl,
    modesAdoption: s.adoptionModes,
    modeleCout: s.costModel,
    precisionsCout: s.costDetails,
    accessibilite: s.accessibilityStatus,
    declarationAccessibilite: s.accessibilityStatement,
    securite: s.securityStatement,
    verifiee: s.verified,
    dateVerification: day(s.verifiedAt),
    datePublication: day(s.publishedAt),
    mainteneurs: s.maintainers.map((m) => `${m.siren}:${m.name}`),
    laureats: s.laureatIds,
    nombreUtilisateurs: counts.users,
    nombreInteresses: counts.interested,
    demonstration: s.demonstration,
    url: `/catalogue/solutions/${s.id}`,
  };
}

export function toUseRecord(u: SolutionUse, solutionName: string): UseRecord {
  return {
    solution: u.solutionId,
    nomSolution: solutionName,
    sirenOrganisation: u.organisationSiren,
    nomOrganisation: u.organisationName,
    typeOrganisation: u.organisationKind,
    codeCommune: u.communeCode,
    codeEpci: u.epciCode,
    codeDepartement: u.departementCode,
    codeRegion: u.regionCode,
    statut: u.status,
    depuis: u.since,
    usage: u.useCase,
    instance: u.instanceUrl,
    dateDeclaration: day(u.createdAt)!,
    demonstration: u.demonstration,
  };
}

/**
 * A value as a CSV cell: lists joined by « | », booleans oui/non, nothing as empty. Text that a spreadsheet
 * would take for a formula (declarations are typed by any agent and published without review) is defused
 * with a leading apostrophe, as the platform's other CSV files do.
 *
 * @example
 * cellOf('=HYPERLINK("https://x.example")') // '\'=HYPERLINK("https://x.example")'
 */
export function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
