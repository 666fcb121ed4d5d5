/**
 * What the events core's use cases take and answer: the author of a change (for the audit log), results with
 * French messages by field, and the typed error for an id that names nothing in this event.
 */

/** An entry of the audit log, as the accounts module stores it. */
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

/** Who makes a change, for the audit log. */
export interface Author {
  id: string | null;
  label: string;
  ip: string | null;
}

/** A use case's answer: the value, or French messages by form field. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** No such event (or session, room, question) in this event: the routes answer 404. */
export class EventsNotFoundError extends Error {
  constructor(what = 'événement') {
    super(`${what} introuvable`);
    this.name = 'EventsNotFoundError';
  }
}
