import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { Clock } from '../../ports/clock.js';
import type { Outbox } from '../../ports/outbox.js';

/** An entry of the platform's audit log, as the accounts module records it. */
export interface AuditRecord {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** What every use case of the espace de rencontres runs on. */
export interface MeetingsDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  outbox: Outbox;
  /** The site's public address, for the links in e-mails, without a trailing slash. */
  publicUrl: string;
  /** Writes an entry of the audit log once a change committed (organisers' changes). */
  audit?: (event: AuditRecord) => Promise<void>;
}

/** Who made an organiser's change, for the audit log. */
export interface Author {
  id: string | null;
  label: string;
  ip: string | null;
}

/** A use case's answer to a form: the value, or French messages by field. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };
