import type { Organisation, OrganisationKind } from './organisations.domain.js';
import type { Territory, TerritoryAlias, TerritoryKind } from './territories.domain.js';

/** What was loaded, for the « À propos des données » page. */
export interface TerritoryMeta {
  edition: string;
  loadedAt: string;
  counts: TerritoryCounts;
}

export interface TerritoryCounts {
  communes: number;
  arrondissements: number;
  epci: number;
  epciByType: Record<string, number>;
  departements: number;
  regions: number;
  communesDeleguees: number;
  communesAssociees: number;
  anciensCodes: number;
}

/** The port of the reference data's storage. */
export interface TerritoryRepository {
  /** The loaded edition's id, or null when none is. One indexed read: the startup check. */
  edition(): Promise<string | null>;
  meta(): Promise<TerritoryMeta | null>;
  /**
   * Replaces every territory and alias by the dataset's, in one transaction, unless `meta.edition` is already
   * loaded: checked again under a lock, so that two processes starting together load it once.
   * True when this call loaded it.
   */
  replaceAll(
    dataset: { territories: Territory[]; aliases: TerritoryAlias[] },
    meta: TerritoryMeta,
  ): Promise<boolean>;
  find(kind: TerritoryKind, code: string): Promise<Territory | null>;
  findMany(refs: Array<{ kind: TerritoryKind; code: string }>): Promise<Territory[]>;
  /** The commune or EPCI of a SIREN. */
  findBySiren(siren: string): Promise<Territory | null>;
  /** `findBySiren` for many SIRENs at once (a few indexed queries): those found, by SIREN. */
  findBySirens(sirens: readonly string[]): Promise<Map<string, Territory>>;
  /** The current commune's code for a former code or a commune déléguée's code, or null. */
  resolveAlias(code: string): Promise<string | null>;
  aliasesOf(communeCode: string): Promise<TerritoryAlias[]>;
  /** The territories of `kind` inside `parent` (an EPCI's communes, a région's départements…), most populous first. */
  members(
    parent: { kind: TerritoryKind; code: string },
    kind: TerritoryKind,
    page: { limit: number; offset: number },
  ): Promise<{ items: Territory[]; total: number }>;
  /** Every territory of one kind, in code order (régions and départements for the territories' home page). */
  listKind(kind: TerritoryKind): Promise<Territory[]>;
  /** Every territory and alias, for the picker's in-memory index. */
  searchSource(): Promise<{ territories: Territory[]; aliases: TerritoryAlias[] }>;
}

/** The port of the organisations' storage. */
export interface OrganisationRepository {
  find(siren: string): Promise<Organisation | null>;
  /** Inserts the organisation unless its SIREN is known; returns the stored one either way. */
  insertIfAbsent(organisation: Organisation): Promise<{ organisation: Organisation; created: boolean }>;
  rename(siren: string, name: string, at: string): Promise<Organisation | null>;
  list(query: { q: string; kind?: OrganisationKind; limit: number; offset: number }): Promise<{
    items: Organisation[];
    total: number;
  }>;
}
