/**
 * The collectivités the demonstration draws its porteurs from, shaped from the COG: their SIREN, their
 * official name and their territory. Communes and EPCI carry their real SIREN (from the COG); départements
 * and régions have none in the COG, so theirs are built (see `departementSiren`) and labelled as such.
 */
import { createRequire } from 'node:module';
import { luhn } from '../../../shared/siren.js';
import { displayName, type Territory } from '../../territories/index.js';
import type { PorteurKind } from '../fund.domain.js';

/** The loaded COG, as the generator needs it. */
export interface DemoCog {
  communes: Territory[];
  epci: Territory[];
  departements: Territory[];
  regions: Territory[];
}

/** A porteur of a generated lauréat: what the lauréat row repeats of it. */
export interface Porteur {
  siren: string;
  name: string;
  kind: PorteurKind;
  territoryKey: string | null;
  communeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
  /** The EPCI the porteur is or, for a commune, belongs to (the row's `epci_code`). */
  epciSiren: string | null;
}

/**
 * Départements whose collectivité is something else: Paris (the Ville de Paris, a commune of the COG),
 * Corsica (the Collectivité de Corse, région 94), Martinique and Guyane (collectivités territoriales uniques,
 * their régions 02 and 03). Région 06 is the Département de Mayotte itself.
 */
const NOT_A_DEPARTEMENT_COLLECTIVITE = new Set(['75', '2A', '2B', '972', '973']);
const NOT_A_REGION_COLLECTIVITE = new Set(['06']);

/** Real SIRENs known for sure (the Isère's is the one its agents log in with). */
const KNOWN_DEPARTEMENT_SIRENS: Record<string, string> = { '38': '223800012' };

/**
 * A département's SIREN: the known one, or one built on the register's pattern for départements
 * (`22` + code + `0001` + Luhn key: Isère 223800012, Nord 225900018) — plausible, but to be checked in
 * SIRENE before any real use, hence demonstration only.
 *
 * @example
 * departementSiren('33') // '223300013'
 */
export function departementSiren(code: string): string {
  return KNOWN_DEPARTEMENT_SIRENS[code] ?? withLuhnKey(`22${code}${code.length === 2 ? '0001' : '001'}`);
}

/**
 * A demonstration SIREN for a région (the merged régions of 2016 got new numbers that the COG does not give).
 *
 * @example
 * regionSiren('84') // '238400014'
 */
export function regionSiren(code: string): string {
  return withLuhnKey(`23${code}0001`);
}

/**
 * Eight digits and the Luhn key that makes them a well-formed SIREN.
 *
 * @example
 * withLuhnKey('22380001') // '223800012'
 */
export function withLuhnKey(eightDigits: string): string {
  for (let key = 0; key < 10; key++) if (luhn(`${eightDigits}${key}`)) return `${eightDigits}${key}`;
  throw new Error(`pas de clé de Luhn pour ${eightDigits}`);
}

// The INSEE's "type de liaison" of each département's name gives its article: de l’Isère, du Nord, des Landes.
const requireJson = createRequire(import.meta.url);
const LIAISON = new Map(
  (
    requireJson('@etalab/decoupage-administratif/data/departements.json') as Array<{
      code: string;
      typeLiaison: number;
    }>
  ).map((d) => [d.code, d.typeLiaison]),
);
const ARTICLES = ['de ', 'd’', 'du ', 'de la ', 'des ', 'de l’', 'des ', 'de las ', 'de los '];

/**
 * « Département de l’Isère », « Département du Nord », « Département des Landes ».
 *
 * @example
 * departementName({ code: '38', name: 'Isère' }) // 'Département de l’Isère'
 */
export function departementName(t: Pick<Territory, 'code' | 'name'>): string {
  const name = t.name.replace(/'/g, '’');
  return `Département ${ARTICLES[LIAISON.get(t.code) ?? 0] ?? 'de '}${name}`;
}

/**
 * « Commune de Grenoble », « Commune du Havre », « Commune d’Eybens », « Commune des Abymes ».
 *
 * @example
 * communeName('Le Havre') // 'Commune du Havre'
 */
export function communeName(raw: string): string {
  const name = raw.replace(/'/g, '’');
  if (name.startsWith('Les ')) return `Commune des ${name.slice(4)}`;
  if (name.startsWith('Le ')) return `Commune du ${name.slice(3)}`;
  if (/^[AEIOUYÂÉÈÊÎÏÔ]/.test(name)) return `Commune d’${name}`;
  return `Commune de ${name}`;
}

/** Every possible porteur of the COG, by kind, named and numbered. */
export interface PorteurPools {
  communes: Porteur[];
  epci: Porteur[];
  departements: Porteur[];
  regions: Porteur[];
  /** The population of each région, for structures de mutualisation covering one. */
  regionPopulation: Map<string, number>;
}

/**
 * Shapes the COG into porteurs; communes without a SIREN (none in the 2026 edition) are left out.
 *
 * @example
 * const pools = porteurPools(cog); pools.departements.find((p) => p.departementCode === '38')?.siren // '223800012'
 */
export function porteurPools(cog: DemoCog): PorteurPools {
  const byCode = (a: Territory, b: Territory) => a.code.localeCompare(b.code);
  const communes = [...cog.communes]
    .filter((t) => t.siren)
    .sort(byCode)
    .map(
      (t): Porteur => ({
        siren: t.siren!,
        name: communeName(t.name),
        kind: 'commune',
        territoryKey: t.code,
        communeCode: t.code,
        departementCode: t.departementCode,
        regionCode: t.regionCode,
        population: t.population,
        epciSiren: t.epciCode,
      }),
    );
  const epci = [...cog.epci].sort(byCode).map(
    (t): Porteur => ({
      siren: t.siren ?? t.code,
      name: displayName(t),
      kind: 'epci',
      territoryKey: t.code,
      communeCode: null,
      epciSiren: t.code,
      departementCode: t.departementCode,
      regionCode: t.regionCode,
      population: t.population,
    }),
  );
  const departements = [...cog.departements]
    .filter((t) => !NOT_A_DEPARTEMENT_COLLECTIVITE.has(t.code))
    .sort(byCode)
    .map(
      (t): Porteur => ({
        siren: departementSiren(t.code),
        name: departementName(t),
        kind: 'departement',
        territoryKey: `departement-${t.code}`,
        communeCode: null,
        epciSiren: null,
        departementCode: t.code,
        regionCode: t.regionCode,
        population: t.population,
      }),
    );
  const regions = [...cog.regions]
    .filter((t) => !NOT_A_REGION_COLLECTIVITE.has(t.code))
    .sort(byCode)
    .map(
      (t): Porteur => ({
        siren: regionSiren(t.code),
        name: regionName(t),
        kind: 'region',
        territoryKey: `region-${t.code}`,
        communeCode: null,
        epciSiren: null,
        departementCode: null,
        regionCode: t.code,
        population: t.population,
      }),
    );
  const regionPopulation = new Map(cog.regions.map((r) => [r.code, r.population ?? 0]));
  return { communes, epci, departements, regions, regionPopulation };
}

function regionName(t: Pick<Territory, 'code' | 'name'>): string {
  if (t.code === '02') return 'Collectivité territoriale de Martinique';
  if (t.code === '03') return 'Collectivité territoriale de Guyane';
  if (t.code === '94') return 'Collectivité de Corse';
  return `Région ${t.name.replace(/'/g, '’')}`;
}
