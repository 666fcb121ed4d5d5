/**
 * Territories: the COG's communes, arrondissements municipaux, EPCI, départements and régions. Pure types and
 * rules; no I/O.
 */

export type TerritoryKind = 'commune' | 'arrondissement' | 'epci' | 'departement' | 'region';

export const TERRITORY_KINDS: readonly TerritoryKind[] = [
  'commune',
  'arrondissement',
  'epci',
  'departement',
  'region',
];

/**
 * What the picker offers when the form does not say: the collectivités. An arrondissement municipal is no
 * collectivité (it has no SIREN, its commune acts for it), so it is found only when asked for.
 */
export const COLLECTIVITE_KINDS: readonly TerritoryKind[] = ['commune', 'epci', 'departement', 'region'];

/** The kinds of EPCI à fiscalité propre in the DGCL's list. */
export type EpciType = 'CC' | 'CA' | 'CU' | 'METRO' | 'MET69';

const EPCI_LABELS: Record<string, string> = {
  CC: 'Communauté de communes',
  CA: 'Communauté d’agglomération',
  CU: 'Communauté urbaine',
  METRO: 'Métropole',
  // The Métropole de Lyon is a collectivité à statut particulier that also acts as an EPCI for its communes.
  MET69: 'Métropole (collectivité à statut particulier)',
};

const KIND_LABELS: Record<TerritoryKind, string> = {
  commune: 'Commune',
  arrondissement: 'Arrondissement municipal',
  epci: 'Intercommunalité',
  departement: 'Département',
  region: 'Région',
};

/** The plural of each kind, for filters and counts. */
export const KIND_PLURALS: Record<TerritoryKind, string> = {
  commune: 'Communes',
  arrondissement: 'Arrondissements municipaux',
  epci: 'Intercommunalités (EPCI)',
  departement: 'Départements',
  region: 'Régions',
};

export interface Territory {
  kind: TerritoryKind;
  /** INSEE code, or SIREN for an EPCI. */
  code: string;
  /** The name as the COG spells it. */
  name: string;
  siren: string | null;
  epciType: EpciType | null;
  departementCode: string | null;
  regionCode: string | null;
  epciCode: string | null;
  /** An arrondissement municipal's commune. */
  communeCode: string | null;
  chefLieu: string | null;
  population: number | null;
  postcodes: string[];
  zone: 'metro' | 'drom';
}

/** A commune déléguée or associée, or a bare former code, that leads to a current commune. */
export interface TerritoryAlias {
  code: string;
  kind: 'ancien-code' | 'commune-deleguee' | 'commune-associee';
  name: string | null;
  communeCode: string;
}

/**
 * The territory's key: its address under `/territoires/` and the value a picker submits. Unambiguous across
 * kinds: communes and arrondissements by INSEE code (5 characters), EPCI by SIREN (9 digits), départements and
 * régions by a prefixed code, since "84" is both.
 *
 * @example
 * territoryKey({ kind: 'departement', code: '84' }) // 'departement-84'
 * territoryKey({ kind: 'commune', code: '38185' }) // '38185'
 */
export function territoryKey(t: { kind: TerritoryKind; code: string }): string {
  return t.kind === 'departement' || t.kind === 'region' ? `${t.kind}-${t.code}` : t.code;
}

/** What a key names: a kind and code, or a 5-character INSEE code or 9-digit SIREN to be looked up. */
export type ParsedKey =
  | { form: 'typed'; kind: 'departement' | 'region'; code: string }
  | { form: 'insee'; code: string }
  | { form: 'siren'; code: string };

/**
 * Reads a key as typed in an address or submitted by a form; letters of Corsican codes may come in lower
 * case. Null for anything else.
 *
 * @example
 * parseTerritoryKey('2a004') // { form: 'insee', code: '2A004' }
 * parseTerritoryKey('region-84') // { form: 'typed', kind: 'region', code: '84' }
 */
export function parseTerritoryKey(raw: string): ParsedKey | null {
  const key = raw.trim();
  const typed = /^(departement|region)-([0-9]{2,3}|2[ab])$/i.exec(key);
  if (typed) {
    const kind = typed[1]!.toLowerCase() as 'departement' | 'region';
    return { form: 'typed', kind, code: typed[2]!.toUpperCase() };
  }
  if (/^(\d{5}|2[ab]\d{3})$/i.test(key)) return { form: 'insee', code: key.toUpperCase() };
  if (/^\d{9}$/.test(key)) return { form: 'siren', code: key };
  return null;
}

/**
 * The address of a territory's page.
 *
 * @example
 * territoryPath({ kind: 'region', code: '84' }) // '/territoires/region-84'
 */
export function territoryPath(t: { kind: TerritoryKind; code: string }): string {
  return `/territoires/${territoryKey(t)}`;
}

/**
 * The name to show: typographic apostrophes, and an EPCI's abbreviated kind spelled out ("CC du Pays de Gex"
 * → "Communauté de communes du Pays de Gex"), as its statutes name it.
 *
 * @example
 * displayName({ kind: 'commune', name: "L'Île-d'Yeu", epciType: null }) // 'L’Île-d’Yeu'
 */
export function displayName(t: Pick<Territory, 'kind' | 'name' | 'epciType'>): string {
  let name = t.name;
  if (t.kind === 'epci') {
    name = name
      .replace(/^CC /, 'Communauté de communes ')
      .replace(/^CA /, 'Communauté d’agglomération ')
      .replace(/^CU /, 'Communauté urbaine ');
  }
  return name.replace(/'/g, '’');
}

/**
 * The kind in plain French, an EPCI's precise kind included.
 *
 * @example
 * kindLabel({ kind: 'epci', epciType: 'CA' }) // 'Communauté d’agglomération'
 */
export function kindLabel(t: Pick<Territory, 'kind' | 'epciType'>): string {
  if (t.kind === 'epci' && t.epciType) return EPCI_LABELS[t.epciType] ?? KIND_LABELS.epci;
  return KIND_LABELS[t.kind];
}

/**
 * What tells homonyms apart in a list: the département for communes and EPCI, the kind otherwise.
 *
 * @example
 * territoryLabel(saintMartin, 'Savoie') // 'Saint-Martin (73 – Savoie)'
 * territoryLabel(isere, null) // 'Isère (département 38)'
 */
export function territoryLabel(
  t: Pick<Territory, 'kind' | 'code' | 'name' | 'epciType' | 'departementCode'>,
  departementName: string | null,
): string {
  const name = displayName(t);
  const dep = t.departementCode
    ? `${t.departementCode}${departementName ? ` – ${departementName.replace(/'/g, '’')}` : ''}`
    : null;
  switch (t.kind) {
    case 'departement':
      return `${name} (département ${t.code})`;
    case 'region':
      return `${name} (région)`;
    case 'epci':
      return dep ? `${name} (${dep})` : name;
    default:
      return dep ? `${name} (${dep})` : name;
  }
}

/** Sorting rank of kinds when population ties (Paris the commune before Paris the département). */
export const KIND_ORDER: Record<TerritoryKind, number> = {
  commune: 0,
  epci: 1,
  departement: 2,
  region: 3,
  arrondissement: 4,
};
