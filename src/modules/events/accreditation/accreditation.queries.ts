import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { BackofficeDeps } from '../backoffice/deps.js';
import type { AccreditationStatus } from './accreditation.service.js';
import type { AttachmentKind } from './attachment.js';

export interface AccreditationRow {
  id: string;
  email: string;
  fullName: string;
  media: string;
  pressCard: string | null;
  hasAttachment: boolean;
  status: AccreditationStatus;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  checkedInAt: string | null;
}

/**
 * An event's requests, pending first, then newest first.
 *
 * @example
 * const rows = await listAccreditations(db, 'journee-2023');
 */
export async function listAccreditations(db: Kysely<Database>, eventId: string): Promise<AccreditationRow[]> {
  const rows = await db
    .selectFrom('press_accreditation as a')
    .leftJoin('registration as r', 'r.id', 'a.registration_id')
    .select([
      'a.id',
      'a.email',
      'a.full_name',
      'a.media',
      'a.press_card',
      'a.attachment_key',
      'a.status',
      'a.reason',
      'a.decided_by',
      'a.decided_at',
      'a.created_at',
      'r.checked_in_at',
    ])
    .where('a.event_id', '=', eventId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
  const order: Record<string, number> = { demandee: 0, acceptee: 1, refusee: 2 };
  return rows
    .map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.full_name,
      media: r.media,
      pressCard: r.press_card,
      hasAttachment: r.attachment_key !== null,
      status: r.status as AccreditationStatus,
      reason: r.reason,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      createdAt: r.created_at,
      checkedInAt: r.checked_in_at ?? null,
    }))
    .sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3));
}

/**
 * The stored attachment of a request of this event, for the organisers only.
 *
 * @example
 * const file = await accreditationAttachment(deps, eventId, id); // { stream, size, kind } or null
 */
export async function accreditationAttachment(deps: BackofficeDeps, eventId: string, id: string) {
  const row = await deps.db
    .selectFrom('press_accreditation')
    .select('attachment_key')
    .where('id', '=', id)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!row?.attachment_key) return null;
  const file = await deps.storage.open(row.attachment_key);
  const extension = row.attachment_key.split('.').pop() ?? '';
  const kind: AttachmentKind = extension === 'jpg' ? 'jpeg' : extension === 'png' ? 'png' : 'pdf';
  return file ? { ...file, kind, filename: `accreditation-${id.slice(0, 8)}.${extension}` } : null;
}
