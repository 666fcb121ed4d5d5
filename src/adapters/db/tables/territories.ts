/** The territories tables, as Kysely sees them (see ../schema.ts for the conventions: ISO UTC text timestamps, 0/1 booleans). */
export interface TerritoryTables {
  territory: TerritoryTable;
  territory_alias: TerritoryAliasTable;
  territory_meta: TerritoryMetaTable;
  organisation: OrganisationTable;
}

/**
 * One territory of the COG: a commune, an arrondissement municipal, an EPCI, a département or a région.
 * `(kind, code)` is the key: "84" is both a département (Vaucluse) and a région (Auvergne-Rhône-Alpes).
 */
export interface TerritoryTable {
  /** `commune`, `arrondissement`, `epci`, `departement` or `region`. */
  kind: string;
  /** INSEE code (communes, arrondissements, départements, régions) or SIREN (EPCI). */
  code: string;
  /** The name as the source spells it (ASCII apostrophes, "CC …" abbreviations). */
  name: string;
  siren: string | null;
  /** For an EPCI: CC, CA, CU, METRO or MET69. */
  epci_type: string | null;
  departement_code: string | null;
  region_code: string | null;
  /** For a commune: the EPCI it belongs to (none for a few islands). */
  epci_code: string | null;
  /** For an arrondissement municipal: its commune (Paris, Lyon, Marseille). */
  commune_code: string | null;
  /** For a département or a région: the INSEE code of its chef-lieu. */
  chef_lieu: string | null;
  /** Population municipale (INSEE); for départements and régions, the sum over their communes. */
  population: number | null;
  /** Postcodes, space-separated (La Poste's base officielle des codes postaux). */
  postcodes: string;
  /** `metro` or `drom`. */
  zone: string;
}

/**
 * A code or a name that leads to a current commune: a former INSEE code (`ancien-code`), or a commune
 * déléguée or associée of a commune nouvelle, with its own name.
 */
export interface TerritoryAliasTable {
  code: string;
  /** `ancien-code`, `commune-deleguee` or `commune-associee`. */
  kind: string;
  name: string | null;
  /** The current commune's INSEE code. */
  commune_code: string;
}

/** Small facts about the loaded reference data: `edition`, `loaded_at`, `counts` (JSON). */
export interface TerritoryMetaTable {
  key: string;
  value: string;
}

/** A public body known to the platform, keyed by its SIREN. */
export interface OrganisationTable {
  siren: string;
  /** The official name; null while nobody has told it (a SIREN met at login, not in the COG). */
  name: string | null;
  /** commune, epci, departement, region, structure-mutualisation, prefecture, service-etat, autre-administration. */
  kind: string;
  territory_kind: string | null;
  territory_code: string | null;
  /** Name and SIREN folded (lower case, no accents), for the admin list's filter on both dialects. */
  search_text: string;
  created_at: string;
  updated_at: string;
}
