import type { Clock } from '../../ports/clock.js';
import { type LoadReport, loadInto } from './cog/load.js';
import type { CoordinateRepository, CoordinateSummary } from './geo/coordinates.repository.kysely.js';
import { createNearby } from './geo/near.js';
import { fold } from './search/fold.js';
import {
  buildTerritoryIndex,
  type SearchOptions,
  type TerritoryIndex,
  type TerritorySuggestion,
} from './search/territory-index.js';
import {
  COLLECTIVITE_KINDS,
  displayName,
  parseTerritoryKey,
  type Territory,
  type TerritoryAlias,
  type TerritoryKind,
  territoryKey,
  territoryLabel,
} from './territories.domain.js';
import type { TerritoryMeta, TerritoryRepository } from './territories.repository.js';

/** How long a built index is trusted before the edition is read again (another process may have reloaded). */
const REVALIDATE_MS = 60_000;
export const MEMBERS_PER_PAGE = 60;

/** What an address or a submitted key leads to. */
export type KeyLookup =
  | { status: 'found'; territory: Territory }
  /** A former code, a commune déléguée's code, a commune's SIREN or a differently written key. */
  | { status: 'moved'; key: string }
  | { status: 'not-found' };

/** A list of territories inside another, one page of it. */
export interface MemberList {
  kind: TerritoryKind;
  items: Territory[];
  total: number;
  page: number;
  pageCount: number;
}

export interface TerritoryDetails {
  territory: Territory;
  region: Territory | null;
  departement: Territory | null;
  epci: Territory | null;
  /** An arrondissement municipal's commune. */
  commune: Territory | null;
  aliases: TerritoryAlias[];
  members: MemberList[];
}

/**
 * The territories' use cases: loading the reference data, the picker's search over an in-memory index built
 * lazily from the database (once per process, again when the loaded edition changes), and what a territory's
 * page shows.
 *
 * @example
 * const territories = createTerritoryService({ repo, clock });
 * await territories.search('st etienne', { limit: 5 });
 */
export function createTerritoryService(deps: {
  repo: TerritoryRepository;
  clock: Clock;
  revalidateMs?: number;
  /** The communes' points (`near`, `coordinatesOf`); without it they answer null. */
  coordinates?: CoordinateRepository;
}) {
  const { repo } = deps;
  const nearby = deps.coordinates ? createNearby({ repo, coordinates: deps.coordinates }) : null;
  const revalidateMs = deps.revalidateMs ?? REVALIDATE_MS;
  let cached: { index: TerritoryIndex; edition: string | null; checkedAt: number } | null = null;
  let pending: Promise<TerritoryIndex> | null = null;

  async function refresh(): Promise<TerritoryIndex> {
    const edition = await repo.edition();
    if (cached && cached.edition === edition) {
      cached.checkedAt = performance.now();
      return cached.index;
    }
    const index = buildTerritoryIndex(await repo.searchSource());
    // Read again: a reload committed while the rows were read would otherwise be taken for this edition.
    const after = await repo.edition();
    cached = { index, edition: after === edition ? edition : null, checkedAt: performance.now() };
    return index;
  }

  function currentIndex(): Promise<TerritoryIndex> | TerritoryIndex {
    if (cached && performance.now() - cached.checkedAt < revalidateMs) return cached.index;
    pending ??= refresh().finally(() => {
      pending = null;
    });
    return pending;
  }

  const service = {
    /**
     * Loads the pinned COG edition unless it is there (see cog/load.ts), and makes the next search rebuild
     * its index when it did.
     */
    async ensureLoaded(): Promise<LoadReport> {
      const report = await loadInto(repo, deps.clock, deps.coordinates);
      if (report.loaded) cached = null;
      return report;
    },

    /**
     * The picker's suggestions for what a person typed (see search/territory-index.ts for the ranking).
     *
     * @example
     * await territories.search('38000', { kinds: ['commune'], limit: 10 }) // [Grenoble]
     */
    async search(q: string, options: SearchOptions = {}): Promise<TerritorySuggestion[]> {
      return (await currentIndex()).search(q, options);
    },

    /** Builds the index now rather than on the first search (the bench times it; a server may warm up). */
    async warmUp(): Promise<number> {
      return (await currentIndex()).size;
    },

    /**
     * The territory a key names, following former codes and SIRENs to the current territory's key.
     *
     * @example
     * await territories.lookup('01340') // { status: 'moved', key: '01015' }
     */
    async lookup(raw: string): Promise<KeyLookup> {
      const parsed = parseTerritoryKey(raw);
      if (!parsed) return { status: 'not-found' };
      let territory: Territory | null = null;
      if (parsed.form === 'typed') territory = await repo.find(parsed.kind, parsed.code);
      else if (parsed.form === 'insee') {
        territory =
          (await repo.find('commune', parsed.code)) ?? (await repo.find('arrondissement', parsed.code));
        if (!territory) {
          const current = await repo.resolveAlias(parsed.code);
          if (current) return { status: 'moved', key: current };
        }
      } else {
        territory = await repo.find('epci', parsed.code);
        if (!territory) {
          const commune = await repo.findBySiren(parsed.code);
          if (commune) return { status: 'moved', key: territoryKey(commune) };
        }
      }
      if (!territory) return { status: 'not-found' };
      return territoryKey(territory) === raw
        ? { status: 'found', territory }
        : { status: 'moved', key: territoryKey(territory) };
    },

    /**
     * The territory of a key, former codes followed: what a form that received a picker's value stores.
     *
     * @example
     * (await territories.byCode('departement-84'))?.name // 'Vaucluse'
     */
    async byCode(key: string): Promise<Territory | null> {
      const found = await service.lookup(key);
      if (found.status === 'found') return found.territory;
      if (found.status === 'moved') {
        const next = await service.lookup(found.key);
        return next.status === 'found' ? next.territory : null;
      }
      return null;
    },

    /**
     * The current commune of a SIREN, or null (an EPCI's SIREN is not a commune's).
     *
     * @example
     * (await territories.communeBySiren('213801855'))?.name // 'Grenoble'
     */
    async communeBySiren(siren: string): Promise<Territory | null> {
      const t = await repo.findBySiren(siren);
      return t?.kind === 'commune' ? t : null;
    },

    /** The commune or EPCI of a SIREN. */
    bySiren: (siren: string) => repo.findBySiren(siren),

    /**
     * The commune or EPCI of each of many SIRENs, in a few indexed queries: those found, by SIREN.
     *
     * @example
     * (await territories.bySirens(['213801855', '200040715'])).get('213801855')?.name // 'Grenoble'
     */
    bySirens: (sirens: readonly string[]) => repo.findBySirens(sirens),

    /** What a territory's page shows: its parents, its former names and codes, and the territories inside it. */
    async details(territory: Territory, page: number): Promise<TerritoryDetails> {
      const refs: Array<{ kind: TerritoryKind; code: string }> = [];
      if (territory.regionCode && territory.kind !== 'region')
        refs.push({ kind: 'region', code: territory.regionCode });
      if (territory.departementCode && territory.kind !== 'departement')
        refs.push({ kind: 'departement', code: territory.departementCode });
      if (territory.epciCode) refs.push({ kind: 'epci', code: territory.epciCode });
      if (territory.communeCode) refs.push({ kind: 'commune', code: territory.communeCode });
      const parents = await repo.findMany(refs);
      const parent = (kind: TerritoryKind) => parents.find((p) => p.kind === kind) ?? null;
      const list = async (kind: TerritoryKind, requested: number, perPage: number): Promise<MemberList> => {
        const first = await repo.members(territory, kind, {
          limit: perPage,
          offset: (Math.max(1, requested) - 1) * perPage,
        });
        const pageCount = Math.max(1, Math.ceil(first.total / perPage));
        const current = Math.min(Math.max(1, requested), pageCount);
        const result =
          current === requested
            ? first
            : await repo.members(territory, kind, { limit: perPage, offset: (current - 1) * perPage });
        return { kind, items: result.items, total: result.total, page: current, pageCount };
      };
      const members: MemberList[] = [];
      if (territory.kind === 'epci') members.push(await list('commune', page, MEMBERS_PER_PAGE));
      if (territory.kind === 'region') members.push(await list('departement', 1, 50));
      if (territory.kind === 'departement') {
        members.push(await list('epci', 1, 100), await list('commune', page, MEMBERS_PER_PAGE));
      }
      if (territory.kind === 'commune') {
        const arrondissements = await list('arrondissement', 1, 50);
        if (arrondissements.total > 0) members.push(arrondissements);
      }
      return {
        territory,
        region: parent('region'),
        departement: parent('departement'),
        epci: parent('epci'),
        commune: parent('commune'),
        aliases: territory.kind === 'commune' ? await repo.aliasesOf(territory.code) : [],
        members,
      };
    },

    /** The loaded edition and its counts, or null before the first load. */
    about: (): Promise<TerritoryMeta | null> => repo.meta(),

    /** The loaded communes' points: their source edition and how many were placed how. */
    coordinatesAbout: async (): Promise<CoordinateSummary | null> =>
      deps.coordinates ? deps.coordinates.summary() : null,

    /** See geo/near.ts: the communes within some kilometres of one, nearest first. */
    near: (inseeCode: string, km: number) => (nearby ? nearby.near(inseeCode, km) : Promise.resolve(null)),

    /** See geo/near.ts: a commune's point and how it was found. */
    coordinatesOf: (inseeCode: string) => (nearby ? nearby.coordinatesOf(inseeCode) : Promise.resolve(null)),

    /** Every région, and every département grouped under it: the territories' home page. */
    async regionsWithDepartements(): Promise<Array<{ region: Territory; departements: Territory[] }>> {
      const [regions, departements] = await Promise.all([
        repo.listKind('region'),
        repo.listKind('departement'),
      ]);
      return regions
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
        .map((region) => ({
          region,
          departements: departements.filter((d) => d.regionCode === region.code),
        }));
    },

    /**
     * What a picker field submitted, resolved: the territory of its hidden code when the visible text still
     * names it; else the one territory the text names (an exact name, a code, a label as shown, a postcode of
     * a single commune); else the candidates to choose from. Without JavaScript only the text comes, and this
     * is what turns it into a territory or a list of choices.
     *
     * @example
     * await territories.resolvePick({ text: 'Grenoble' }) // { status: 'chosen', territory: <Grenoble> }
     * await territories.resolvePick({ text: 'Saint-Martin' }) // { status: 'choices', candidates: [...] }
     */
    async resolvePick(
      input: { code?: string | null; text?: string | null },
      kinds: readonly TerritoryKind[] = COLLECTIVITE_KINDS,
    ): Promise<PickResult> {
      const text = (input.text ?? '').trim();
      if (input.code) {
        const territory = await service.byCode(input.code);
        if (territory && kinds.includes(territory.kind)) {
          const dep = territory.departementCode
            ? await repo.find('departement', territory.departementCode)
            : null;
          const names = [
            territory.name,
            displayName(territory),
            territoryLabel(territory, dep?.name ?? null),
          ];
          if (!text || names.map(fold).includes(fold(text))) return { status: 'chosen', territory };
        }
      }
      if (!fold(text)) return { status: 'empty' };
      const candidates = await service.search(text, { kinds, limit: 10 });
      const strong = candidates.filter(
        (c) => fold(c.label) === fold(text) || ((c.match === 'exact' || c.match === 'code') && !c.detail),
      );
      const only = strong.length === 1 ? strong[0] : candidates.length === 1 ? candidates[0] : undefined;
      if (only) {
        const territory = await service.byCode(only.key);
        if (territory) return { status: 'chosen', territory };
      }
      return candidates.length === 0 ? { status: 'none' } : { status: 'choices', candidates };
    },
  };
  return service;
}

export type TerritoryService = ReturnType<typeof createTerritoryService>;

/** What a picker field's submission resolves to (see `resolvePick`). */
export type PickResult =
  | { status: 'chosen'; territory: Territory }
  | { status: 'choices'; candidates: TerritorySuggestion[] }
  | { status: 'none' }
  | { status: 'empty' };
