/**
 * The fund: its dispositifs (with dated rule versions) and the lauréats it financed (see ../schema.ts for the
 * conventions: ISO UTC text timestamps, 0/1 booleans). Amounts are whole euros.
 */
export interface FundTables {
  dispositif: DispositifTable;
  dispositif_rule: DispositifRuleTable;
  laureat: LaureatTable;
  laureat_theme: LaureatThemeTable;
  laureat_coporteur: LaureatCoporteurTable;
  fund_import_upload: FundImportUploadTable;
}

export interface DispositifTable {
  /** `axe-1`, `axe-2`, `axe-2-bis`, `axe-3`. */
  code: string;
  label: string;
  /** ANCT, DINUM or DITP. */
  operateur: string;
  envelope_eur: number;
  period_start: string;
  period_end: string | null;
  description: string;
  /** JSON array of theme codes. */
  themes: string;
  sort_order: number;
}

/** An eligibility rule in force from `valid_from` (a date) until the next version of the same dispositif. */
export interface DispositifRuleTable {
  id: string;
  dispositif_code: string;
  valid_from: string;
  /** Porteurs below this population are not eligible (axe 2: 500,000, then 300,000 or one département). */
  min_population: number | null;
  /** Whether a département is eligible whatever its population (axe 2 from October 2021). */
  departement_eligible: number;
  /** The highest State share of the project's cost, 0–1 (axe 2: 0.5, then 0.75). */
  max_state_share: number | null;
  /** A flat amount per collectivité (axe 2 bis: 5,000 €). */
  flat_amount_eur: number | null;
  notes: string;
}

export interface LaureatTable {
  /** Stable identifier, from the import file (`identifiant`) or generated. */
  id: string;
  dispositif_code: string;
  title: string;
  summary: string;
  porteur_siren: string;
  porteur_name: string;
  /** commune, epci, departement, region, structure-mutualisation, autre. */
  porteur_kind: string;
  /** The porteur's territory key (`38185`, `200040715`, `departement-38`…), when it is a collectivité. */
  territory_key: string | null;
  commune_code: string | null;
  /** The EPCI the porteur is (or, for a commune, belongs to): an EPCI's page lists its communes' lauréats. */
  epci_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  /** The porteur's population (COG), for the CGCT strata. */
  population: number | null;
  amount_eur: number;
  total_cost_eur: number | null;
  /** The date the dossier was filed: decides which rule version judged it. */
  filed_on: string | null;
  decided_on: string;
  /** finance, en-cours, livre, abandonne. */
  status: string;
  site_url: string | null;
  source_url: string | null;
  outputs: string;
  /** Generated for the demonstration (labelled as such on screen). */
  demonstration: number;
  /** Fingerprint of the imported line, so that re-importing the same file changes nothing. */
  source_hash: string;
  created_at: string;
  updated_at: string;
}

export interface LaureatThemeTable {
  laureat_id: string;
  theme_code: string;
}

export interface LaureatCoporteurTable {
  laureat_id: string;
  siren: string;
  name: string;
}

/**
 * A file an operator sent for a dry run, kept until they confirm it (or for a day): the confirmation applies
 * this file, never one the browser sends again, and any app process can serve the confirmation.
 */
export interface FundImportUploadTable {
  /** A random key, carried by the confirmation form. */
  key: string;
  /** The person who sent it; only they can confirm it. Null for the command line. */
  actor_id: string | null;
  file_name: string;
  content: Buffer;
  /** Fingerprint of the dry run's outcome: a confirmation that would now do something else is stopped. */
  plan_digest: string;
  created_at: string;
}
