import type { AccountTables } from './tables/accounts.js';
import type { CatalogueTables } from './tables/catalogue.js';
import type { EventTables } from './tables/events.js';
import type { FundTables } from './tables/fund.js';
import type { MeetingTables } from './tables/meetings.js';
import type { OutboxTables } from './tables/outbox.js';
import type { TerritoryTables } from './tables/territories.js';

/**
 * The database, as Kysely sees it. Timestamps are ISO-8601 UTC strings (`toISOString()`) in both SQLite and
 * PostgreSQL: they sort as text, compare as text, and cross the two dialects unchanged. Booleans are 0/1.
 */
export interface Database
  extends TerritoryTables,
    OutboxTables,
    AccountTables,
    FundTables,
    EventTables,
    CatalogueTables,
    MeetingTables {
  content_item: ContentItemTable;
  content_term: ContentTermTable;
  session: SessionTable;
  search_document: SearchDocumentTable;
}

export interface ContentItemTable {
  id: string;
  /** `communiques`, `actualites`, `evenements` or `tnt`: the folder the file came from. */
  collection: string;
  /** The file name without its extension, as on the programme's site. */
  slug: string;
  /** The public address, e.g. `/espace-presse/<slug>/`; unique. */
  path: string;
  title: string;
  date: string;
  published: number;
  chapeau: string | null;
  /** The normalised front matter as JSON (images, files, contact, event fields, menu …). */
  data: string;
  body_md: string;
  body_html: string;
  body_text: string;
  source_file: string;
  source_hash: string;
  created_at: string;
  updated_at: string;
}

export interface ContentTermTable {
  content_id: string;
  /** `categorie` or `tag`. */
  kind: string;
  label: string;
  slug: string;
}

export interface SessionTable {
  /** SHA-256 of the opaque cookie value: a leaked table gives no usable cookie. */
  id: string;
  /** The person logged in with this session, if any. */
  person_id: string | null;
  csrf_token: string;
  data: string;
  expires_at: string;
  created_at: string;
}

export interface SearchDocumentTable {
  id: string;
  kind: string;
  url: string;
  title: string;
  body: string;
  date: string | null;
}
