/**
 * Who carries a project, from its SIREN: a commune or an EPCI of the COG with its territory and population;
 * else an organisation the platform knows; else, given a name, a new organisation (a département or a région
 * recognised by its name gets its territory). Looked up once per SIREN and kept for the whole import: a
 * 100,000-line file names tens of thousands of porteurs, found in the COG a thousand at a time
 * (`bySirens`, on the SIREN index).
 */

import type {
  Organisation,
  OrganisationKind,
  OrganisationService,
  Territory,
  TerritoryService,
} from '../../territories/index.js';
import { displayName, organisationDisplayName, territoryKey } from '../../territories/index.js';
import { foldLabel, type PorteurKind, porteurKindOf } from '../fund.domain.js';

/** What the fund needs of the territories module. */
export interface PorteurDirectoryDeps {
  territories: Pick<TerritoryService, 'bySirens' | 'byCode' | 'regionsWithDepartements'>;
  organisations: Pick<OrganisationService, 'bySiren' | 'findOrCreate'>;
}

export interface Porteur {
  siren: string;
  name: string;
  kind: PorteurKind;
  territoryKey: string | null;
  communeCode: string | null;
  epciCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
}

/** An organisation to record once the lauréats that name it are saved. */
export interface NewOrganisation {
  siren: string;
  name: string | null;
  kind: OrganisationKind;
  territory: { kind: Territory['kind']; code: string } | null;
}

interface Known {
  territory: Territory | null;
  organisation: Organisation | null;
  /** The official name of a commune or an EPCI of the COG. */
  cogName: string | null;
}

/** Lookups at once: enough to overlap PostgreSQL round trips, few enough to leave the pool to others. */
const CONCURRENCY = 8;

/**
 * A directory of porteurs for one import or one form: `prefetch` the SIRENs, then ask synchronously.
 *
 * @example
 * const porteurs = createPorteurDirectory(deps);
 * await porteurs.prefetch(['213801855']);
 * porteurs.porteur('213801855', null) // { name: 'Commune de Grenoble', kind: 'commune', communeCode: '38185', … }
 */
export function createPorteurDirectory(deps: PorteurDirectoryDeps) {
  const known = new Map<string, Known>();
  let areas: Map<string, Territory> | null = null;

  /** What the COG says of a SIREN, else the platform's organisations. */
  async function lookup(siren: string, territory: Territory | undefined): Promise<Known> {
    if (territory) {
      const cogName =
        territory.kind === 'commune' ? communeOfficialName(territory.name) : displayName(territory);
      return { territory, organisation: null, cogName };
    }
    const organisation = await deps.organisations.bySiren(siren);
    if (!organisation?.territory) return { territory: null, organisation, cogName: null };
    // A stored organisation placed in a territory (a département’s council, a syndicat in its département).
    const placed = await deps.territories.byCode(territoryKey(organisation.territory));
    return { territory: placed, organisation, cogName: null };
  }

  /** Départements and régions by folded name, to recognise « Département de l’Isère » in a new name. */
  async function loadAreas() {
    if (areas) return;
    const map = new Map<string, Territory>();
    for (const { region, departements } of await deps.territories.regionsWithDepartements()) {
      map.set(`region:${areaKey(region.name)}`, region);
      for (const d of departements) map.set(`departement:${areaKey(d.name)}`, d);
    }
    areas = map;
  }

  function areaFromName(name: string): Territory | null {
    const folded = foldLabel(name).replace(/-/g, ' ');
    const match =
      /^(departement|conseil departemental|conseil general|region|conseil regional) (?:de la |de l |du |des |de |d )?(.+)$/.exec(
        folded,
      );
    if (!match || !areas) return null;
    const kind = match[1]!.includes('region') ? 'region' : 'departement';
    return areas.get(`${kind}:${areaKey(match[2]!)}`) ?? null;
  }

  return {
    /** Looks up every SIREN not yet known (and the départements and régions, once). */
    async prefetch(sirens: Iterable<string>): Promise<void> {
      await loadAreas();
      const todo = [...new Set(sirens)].filter((s) => !known.has(s));
      const inCog = await deps.territories.bySirens(todo);
      let next = 0;
      const worker = async () => {
        while (next < todo.length) {
          const siren = todo[next++]!;
          known.set(siren, await lookup(siren, inCog.get(siren)));
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
    },

    /**
     * The porteur of a prefetched SIREN, named as the registry names it, else by `nameInFile`; null when the
     * SIREN is unknown and no name is given (nothing to show, nothing to record).
     */
    porteur(
      siren: string,
      nameInFile: string | null,
    ): { porteur: Porteur; create: NewOrganisation | null } | null {
      const entry = known.get(siren) ?? { territory: null, organisation: null, cogName: null };
      const { organisation, cogName } = entry;
      if (cogName && entry.territory) {
        const t = entry.territory;
        const porteur: Porteur = {
          siren,
          name: cogName,
          kind: t.kind === 'commune' ? 'commune' : 'epci',
          territoryKey: territoryKey(t),
          communeCode: t.kind === 'commune' ? t.code : null,
          epciCode: t.kind === 'epci' ? t.code : t.epciCode,
          departementCode: t.departementCode,
          regionCode: t.regionCode,
          population: t.population,
        };
        return { porteur, create: null };
      }
      const given = nameInFile ? tidyName(nameInFile) : null;
      if (!organisation && !given) return null;
      const name = organisation?.name ?? given ?? organisationDisplayName({ siren, name: null });
      // Départements and régions have no SIREN in the COG: their name says which they are.
      const area = entry.territory ? null : areaFromName(name);
      const territory = entry.territory ?? area;
      const kind: PorteurKind =
        organisation && organisation.kind !== 'autre-administration'
          ? porteurKindOf(organisation.kind)
          : area
            ? (area.kind as PorteurKind)
            : organisation
              ? 'autre'
              : guessKind(name);
      const collectivite = territory !== null && COLLECTIVITES.includes(kind);
      return {
        porteur: {
          siren,
          name,
          kind,
          territoryKey: collectivite ? territoryKey(territory) : null,
          communeCode: territory?.kind === 'commune' ? territory.code : null,
          epciCode: territory?.kind === 'epci' ? territory.code : (territory?.epciCode ?? null),
          departementCode:
            territory?.kind === 'departement' ? territory.code : (territory?.departementCode ?? null),
          regionCode: territory?.kind === 'region' ? territory.code : (territory?.regionCode ?? null),
          population: collectivite ? (territory.population ?? null) : null,
        },
        create: organisation
          ? null
          : {
              siren,
              name,
              kind: kind === 'autre' ? 'autre-administration' : kind,
              territory: area ? { kind: area.kind, code: area.code } : null,
            },
      };
    },

    /** A co-porteur’s name: the registry’s, else « Organisation n° SIREN … ». */
    coporteur(siren: string): { name: string; create: NewOrganisation | null } {
      const entry = known.get(siren);
      if (entry?.cogName) return { name: entry.cogName, create: null };
      if (entry?.organisation) return { name: organisationDisplayName(entry.organisation), create: null };
      return {
        name: organisationDisplayName({ siren, name: null }),
        create: { siren, name: null, kind: 'autre-administration', territory: null },
      };
    },

    /** Records the organisations a saved import or form named for the first time (idempotent). */
    async record(organisations: Iterable<NewOrganisation>): Promise<number> {
      let created = 0;
      for (const o of organisations) {
        const result = await deps.organisations.findOrCreate(o);
        if (result.ok && result.created) created++;
      }
      return created;
    },
  };
}

export type PorteurDirectory = ReturnType<typeof createPorteurDirectory>;

const COLLECTIVITES: PorteurKind[] = ['commune', 'epci', 'departement', 'region'];

/** A name as typed, in the registry’s typography: spaces collapsed, typographic apostrophes. */
function tidyName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(/'/g, '’');
}

function areaKey(name: string): string {
  return foldLabel(name).replace(/-/g, ' ');
}

/** Syndicats, GIP and agences techniques carry projects for their members: a structure de mutualisation. */
function guessKind(name: string): PorteurKind {
  return /\b(syndicat|sivu|sivom|gip|groupement d interet public|agence technique|mutualisation)\b/.test(
    foldLabel(name),
  )
    ? 'structure-mutualisation'
    : 'autre';
}

/**
 * A commune’s legal name as the SIRENE register gives it, in French typography (the territories module’s rule,
 * which it does not export): « Commune de Grenoble », « Commune du Havre », « Commune d’Eybens ».
 */
function communeOfficialName(name: string): string {
  const n = name.replace(/'/g, '’');
  if (/^Les /.test(n)) return `Commune des ${n.slice(4)}`;
  if (/^Le /.test(n)) return `Commune du ${n.slice(3)}`;
  if (/^[AEIOUYÂÀÉÈÊÎÏÔŒÛÜaeiouy]/.test(n) && !/^L’/.test(n)) return `Commune d’${n}`;
  return `Commune de ${n}`;
}
