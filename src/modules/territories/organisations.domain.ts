/**
 * Organisations: the public bodies people and projects belong to, keyed by SIREN. Pure types and rules.
 */
import { formatSiren } from '../../shared/siren.js';
import { displayName, type Territory, type TerritoryKind } from './territories.domain.js';

export type OrganisationKind =
  | 'commune'
  | 'epci'
  | 'departement'
  | 'region'
  | 'structure-mutualisation'
  | 'prefecture'
  | 'service-etat'
  | 'autre-administration';

export const ORGANISATION_KINDS: Record<OrganisationKind, string> = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  'structure-mutualisation': 'Structure de mutualisation',
  prefecture: 'Préfecture',
  'service-etat': 'Service de l’État',
  'autre-administration': 'Autre administration',
};

/**
 * Whether a value (a form's, a query string's) is one of the organisation kinds.
 *
 * @example
 * isOrganisationKind('prefecture') // true
 */
export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && Object.hasOwn(ORGANISATION_KINDS, value);
}

export interface Organisation {
  siren: string;
  /** The official name, or null while unknown (a SIREN met at login, outside the COG). */
  name: string | null;
  kind: OrganisationKind;
  territory: { kind: TerritoryKind; code: string } | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * How an organisation is named on screen: its official name, or its SIREN while the name is unknown.
 *
 * @example
 * organisationDisplayName({ siren: '110044017', name: null, … }) // 'Organisation n° SIREN 110 044 017'
 */
export function organisationDisplayName(o: Pick<Organisation, 'siren' | 'name'>): string {
  return o.name ?? `Organisation n° SIREN ${formatSiren(o.siren)}`;
}

/**
 * A commune's official name, as the SIRENE register names the legal person ("COMMUNE DE GRENOBLE"), in
 * French typography: "Commune du Havre", "Commune des Abymes", "Commune d’Ajaccio", "Commune de La Rochelle".
 * Initial H never elides: whether it is aspirated depends on each name, and "de" is never wrong to read.
 *
 * @example
 * communeOfficialName('Le Havre') // 'Commune du Havre'
 */
export function communeOfficialName(name: string): string {
  const n = name.replace(/'/g, '’');
  if (/^Les /.test(n)) return `Commune des ${n.slice(4)}`;
  if (/^Le /.test(n)) return `Commune du ${n.slice(3)}`;
  if (/^[AEIOUYÂÀÉÈÊÎÏÔŒÛÜaeiouy]/.test(n) && !/^L’/.test(n)) return `Commune d’${n}`;
  return `Commune de ${n}`;
}

/**
 * The official name of the organisation of a commune or an EPCI, from the COG.
 *
 * @example
 * territoryOrganisationName({ kind: 'epci', name: 'CC du Pays de Gex', epciType: 'CC' })
 * // 'Communauté de communes du Pays de Gex'
 */
export function territoryOrganisationName(t: Pick<Territory, 'kind' | 'name' | 'epciType'>): string {
  return t.kind === 'commune' ? communeOfficialName(t.name) : displayName(t);
}

/**
 * A name given by a person or another system, cleaned: spaces collapsed, typographic apostrophes, and a
 * town hall's name ("Mairie de Vizille") turned into the legal person's ("Commune de Vizille"): a mairie is a
 * building, the commune is the organisation.
 *
 * @example
 * cleanOrganisationName('  Mairie  d\'Eybens ') // 'Commune d’Eybens'
 */
export function cleanOrganisationName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim().replace(/'/g, '’');
  const mairie = /^mairie (de la |de l’|de |du |des |d’)(.+)$/i.exec(name);
  if (!mairie) return name;
  const article = mairie[1]!.toLowerCase();
  return `Commune ${article}${mairie[2]!}`;
}
