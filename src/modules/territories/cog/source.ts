/**
 * The pinned COG edition, read from `@etalab/decoupage-administratif` and shaped into our territories.
 *
 * Scope: the communes of metropolitan France and of the five DROM (34,875 in 2026, each with a SIREN). The
 * communes of the collectivités d'outre-mer (Saint-Pierre-et-Miquelon, Polynésie française…, "zone com") are
 * left out: they have no SIREN in the package and the package lists each of their collectivités both as a
 * département and as a région, which would show every one of them twice.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EpciType, Territory, TerritoryAlias } from '../territories.domain.js';

/** The edition the platform runs on. Changing the package's version is changing this, on purpose. */
export const COG_EDITION = {
  year: 2026,
  packageName: '@etalab/decoupage-administratif',
  packageVersion: '6.0.0',
  /** What the meta table records: a new package version, even with the same year, reloads the data. */
  id: 'cog-2026/decoupage-administratif-6.0.0',
} as const;

export interface CogDataset {
  territories: Territory[];
  aliases: TerritoryAlias[];
}

interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone: string;
  departement: string;
  region: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  chefLieu?: string;
  commune?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: Array<{ code: string }>;
}
interface RawArea {
  code: string;
  nom: string;
  zone: string;
  region?: string;
  chefLieu?: string;
}
export interface RawCog {
  communes: RawCommune[];
  epci: RawEpci[];
  departements: RawArea[];
  regions: RawArea[];
}

/**
 * Reads the installed package's data files, after checking that the installed version is the pinned one.
 *
 * @example
 * const dataset = cogDataset(await readCogPackage());
 */
export async function readCogPackage(): Promise<RawCog> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(`${COG_EDITION.packageName}/package.json`));
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string };
  if (pkg.version !== COG_EDITION.packageVersion) {
    throw new Error(
      `${COG_EDITION.packageName} ${pkg.version} est installé, mais la plateforme est réglée sur la version ` +
        `${COG_EDITION.packageVersion} : mettez à jour COG_EDITION (cog/source.ts) avec la nouvelle édition.`,
    );
  }
  const read = async <T>(name: string) =>
    JSON.parse(await readFile(join(dir, 'data', `${name}.json`), 'utf8')) as T;
  const [communes, epci, departements, regions] = await Promise.all([
    read<RawCommune[]>('communes'),
    read<RawEpci[]>('epci'),
    read<RawArea[]>('departements'),
    read<RawArea[]>('regions'),
  ]);
  return { communes, epci, departements, regions };
}

const IN_SCOPE = new Set(['metro', 'drom']);

/**
 * Shapes the package's records into territories and aliases: each commune linked to its département, région
 * and EPCI (from the EPCI's members), each EPCI placed in the département holding most of its population,
 * départements and régions given the population of their communes.
 *
 * @example
 * cogDataset(raw).territories.filter((t) => t.kind === 'commune').length // 34875 for the 2026 edition
 */
export function cogDataset(raw: RawCog): CogDataset {
  const epciOf = new Map<string, string>();
  for (const e of raw.epci) for (const m of e.membres) epciOf.set(m.code, e.code);

  const communes: Territory[] = [];
  const arrondissements: Territory[] = [];
  const aliases = new Map<string, TerritoryAlias>();
  const addAlias = (a: TerritoryAlias) => aliases.set(`${a.code}:${a.kind}`, a);
  for (const c of raw.communes) {
    if (!IN_SCOPE.has(c.zone)) continue;
    const base = {
      code: c.code,
      name: c.nom,
      departementCode: c.departement,
      regionCode: c.region,
      population: c.population ?? null,
      postcodes: [...new Set(c.codesPostaux ?? [])].sort(),
      zone: c.zone as 'metro' | 'drom',
      epciType: null,
      chefLieu: null,
    };
    if (c.type === 'commune-actuelle') {
      communes.push({
        ...base,
        kind: 'commune',
        siren: c.siren ?? null,
        epciCode: epciOf.get(c.code) ?? null,
        communeCode: null,
      });
      for (const code of c.anciensCodes ?? []) {
        addAlias({ code, kind: 'ancien-code', name: null, communeCode: c.code });
      }
    } else if (c.type === 'arrondissement-municipal') {
      arrondissements.push({
        ...base,
        kind: 'arrondissement',
        siren: null,
        epciCode: null,
        communeCode: c.commune ?? null,
      });
    } else if (c.chefLieu) {
      addAlias({ code: c.code, kind: c.type, name: c.nom, communeCode: c.chefLieu });
    }
  }
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const keptAliases = [...aliases.values()].filter((a) => communeByCode.has(a.communeCode));

  const epcis: Territory[] = raw.epci.map((e) => {
    const members = e.membres.map((m) => communeByCode.get(m.code)).filter((m) => m !== undefined);
    const departementCode = weightedMode(members, (m) => m.departementCode);
    const first = members.find((m) => m.departementCode === departementCode);
    return {
      kind: 'epci',
      code: e.code,
      name: e.nom,
      siren: e.code,
      epciType: e.type as EpciType,
      departementCode,
      regionCode: first?.regionCode ?? null,
      epciCode: null,
      communeCode: null,
      chefLieu: null,
      population: e.populationMunicipale ?? sum(members),
      postcodes: [],
      zone: first?.zone ?? 'metro',
    };
  });

  const area = (kind: 'departement' | 'region', a: RawArea, inside: Territory[]): Territory => ({
    kind,
    code: a.code,
    name: a.nom,
    siren: null,
    epciType: null,
    departementCode: null,
    regionCode: kind === 'departement' ? (a.region ?? null) : null,
    epciCode: null,
    communeCode: null,
    chefLieu: a.chefLieu ?? null,
    population: sum(inside),
    postcodes: [],
    zone: a.zone as 'metro' | 'drom',
  });
  const byDepartement = groupBy(communes, (c) => c.departementCode);
  const byRegion = groupBy(communes, (c) => c.regionCode);
  const departements = raw.departements
    .filter((d) => IN_SCOPE.has(d.zone))
    .map((d) => area('departement', d, byDepartement.get(d.code) ?? []));
  const regions = raw.regions
    .filter((r) => IN_SCOPE.has(r.zone))
    .map((r) => area('region', r, byRegion.get(r.code) ?? []));

  return {
    territories: [...regions, ...departements, ...epcis, ...communes, ...arrondissements],
    aliases: keptAliases,
  };
}

function groupBy(list: Territory[], key: (t: Territory) => string | null): Map<string, Territory[]> {
  const groups = new Map<string, Territory[]>();
  for (const t of list) {
    const k = key(t);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

function sum(list: Territory[]): number | null {
  return list.length === 0 ? null : list.reduce((total, t) => total + (t.population ?? 0), 0);
}

/** The value of `key` that carries the most population (ties: the smallest value, for a stable answer). */
function weightedMode(list: Territory[], key: (t: Territory) => string | null): string | null {
  const weights = new Map<string, number>();
  for (const t of list) {
    const k = key(t);
    if (k) weights.set(k, (weights.get(k) ?? 0) + (t.population ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [k, w] of weights) {
    if (best === null || w > weights.get(best)! || (w === weights.get(best)! && k < best)) best = k;
  }
  return best;
}
