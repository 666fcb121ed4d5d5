/**
 * Tables of the catalogue de mutualisation (migration 012; see ../schema.ts for the conventions: ISO UTC text
 * timestamps, 0/1 booleans, text ids).
 */
export interface CatalogueTables {
  solution: SolutionTable;
  solution_theme: SolutionThemeTable;
  solution_adoption: SolutionAdoptionTable;
  solution_laureat: SolutionLaureatTable;
  solution_maintainer: SolutionMaintainerTable;
  solution_use: SolutionUseTable;
  solution_screenshot: SolutionScreenshotTable;
  solution_event: SolutionEventTable;
  catalogue_contact: CatalogueContactTable;
  catalogue_contact_recipient: CatalogueContactRecipientTable;
  catalogue_contact_optin: CatalogueContactOptinTable;
  catalogue_report: CatalogueReportTable;
}

/** A reusable product or service. */
export interface SolutionTable {
  /** A slug (`salle-sur-demande`): the page's address and the référents' scope `solution:<id>`. */
  id: string;
  name: string;
  /** The problem it solves, in plain words. */
  summary: string;
  description: string;
  /** A code of LICENCES (catalogue.domain.ts). */
  licence: string;
  source_url: string | null;
  documentation_url: string | null;
  website_url: string | null;
  /** experimentation, production, generalise. */
  maturity: string;
  /** gratuit, adhesion, abonnement, sur-devis. */
  cost_model: string;
  cost_details: string;
  /** RGAA: totale, partielle, non-conforme, non-evaluee. */
  accessibility_status: string;
  accessibility_statement: string;
  security_statement: string;
  /** brouillon, soumise, publiee, archivee. */
  status: string;
  /** Whether the programme checked its claims (« vérifié ») rather than only received them (« déclaré »). */
  verified: number;
  verified_at: string | null;
  verified_by: string | null;
  /** The agent who proposed it (a person id), and their organisation. */
  author_id: string | null;
  author_siren: string | null;
  /** The reviewer's reason, when the last submission was sent back. */
  refusal_reason: string | null;
  /** Generated for the demonstration (labelled as such on screen). */
  demonstration: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
  archived_at: string | null;
}

export interface SolutionThemeTable {
  solution_id: string;
  theme_code: string;
}

/** How a collectivité can adopt it: auto-heberge, mutualisation, saas. */
export interface SolutionAdoptionTable {
  solution_id: string;
  mode: string;
}

/** The lauréat projects that financed it (no foreign key: the fund's import owns lauréats). */
export interface SolutionLaureatTable {
  solution_id: string;
  laureat_id: string;
}

/** The organisations that build or maintain it, by SIREN. */
export interface SolutionMaintainerTable {
  solution_id: string;
  organisation_siren: string;
  /** The name as shown (the organisation's official name when it was linked). */
  name: string;
  /** porteur, mainteneur, contributeur. */
  role: string;
}

/**
 * A reuse declaration: an organisation says it uses the solution (« nous utilisons ») or wishes to
 * (« nous souhaitons l’utiliser »). One per (solution, organisation): a unique constraint. The organisation's
 * name and territory are copied at declaration time, for the search's facets and the maps.
 */
export interface SolutionUseTable {
  id: string;
  solution_id: string;
  organisation_siren: string;
  /** utilise, souhaite. */
  status: string;
  /** `YYYY-MM` for « nous utilisons ». */
  since: string | null;
  use_case: string;
  instance_url: string | null;
  declared_by: string | null;
  organisation_name: string;
  /** An organisation kind (territories' ORGANISATION_KINDS). */
  organisation_kind: string;
  commune_code: string | null;
  epci_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  demonstration: number;
  created_at: string;
  updated_at: string;
}

/** A screenshot, stored through FileStorage, always with its alternative text. */
export interface SolutionScreenshotTable {
  id: string;
  solution_id: string;
  storage_key: string;
  content_type: string;
  alt_text: string;
  position: number;
  created_at: string;
}

/** The editorial history: every transition and edit, with its reason. */
export interface SolutionEventTable {
  id: string;
  solution_id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  /** creation, modification, soumission, publication, refus, archivage, republication, verification… */
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
}

/** A message sent through the platform (« mise en relation »): logged without any recipient address. */
export interface CatalogueContactTable {
  id: string;
  solution_id: string;
  /** equipe (the solution's référents) or utilisateur (a user organisation's référents). */
  kind: string;
  target_siren: string | null;
  sender_id: string;
  sender_label: string;
  subject: string;
  body: string;
  recipient_count: number;
  created_at: string;
}

/** Who received a message (person ids, never addresses): they, and only they, may report it. */
export interface CatalogueContactRecipientTable {
  contact_id: string;
  person_id: string;
}

/** A référent's consent to receive messages for a scope (`solution:<id>` or `organisation:<siren>`). */
export interface CatalogueContactOptinTable {
  person_id: string;
  scope: string;
  created_at: string;
}

/** A report of an entry or of a message, for the moderators. */
export interface CatalogueReportTable {
  id: string;
  solution_id: string;
  contact_id: string | null;
  reporter_id: string;
  reporter_label: string;
  reason: string;
  /** ouvert, traite, rejete. */
  status: string;
  resolution: string | null;
  handled_by: string | null;
  handled_at: string | null;
  created_at: string;
}
