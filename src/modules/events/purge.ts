/**
 * RGPD: an event's personal data lives `retention_months` (6 by default) after the event ends, then is
 * deleted, keeping only anonymous counts; and a participant can take away everything held about them.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { FileStorage } from '../../ports/file-storage.js';
import { type StatDimension, type StatLine, statistics } from './backoffice/registrations.filter.js';
import { loadRegistrations } from './backoffice/registrations.query.js';
import { withRegistrationTables } from './registration/tables.js';

/** The table migration 011 adds: what an event keeps once its personal data is gone. */
export interface EventStatisticsTable {
  event_id: string;
  /** JSON {@link EventStatistics}. */
  data: string;
  purged_at: string;
}

/** Anonymous counts: one dimension at a time, never crossed, so no line points at one person. */
export interface EventStatistics {
  version: 1;
  registrations: number;
  byStatus: Record<string, number>;
  dimensions: Record<StatDimension, StatLine[]>;
  accreditations: Record<string, number>;
  arrived: number;
}

const withStatistics = (db: Kysely<Database>) => db.withTables<{ event_statistics: EventStatisticsTable }>();

/**
 * The day an event's personal data is due for deletion: `months` after it ends, the day of the month kept
 * where it exists (31 August + 6 months → 28 or 29 February).
 *
 * @example
 * purgeDate('2023-01-18T15:30:00.000Z', 6) // 2023-07-18T15:30:00.000Z
 */
export function purgeDate(endsAt: string, months: number): Date {
  const end = new Date(endsAt);
  const target = new Date(end);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(end.getUTCDate(), lastDay));
  return target;
}

/**
 * Deletes the personal data of every event whose retention period is over: registrations (and with them, by
 * cascade, their sessions, check-in scans, management links and decision log), press accreditations,
 * invitations to closed sessions, the registration form's idempotency answers. The counts are stored first,
 * in the same transaction, and never overwritten: run it every hour, it does the work once. Press cards and
 * other attachments are deleted from `storage` when it is given.
 *
 * @example
 * const report = await purgeEventPersonalData(db, new Date()); // { events: ['journee-2023'], registrations: 412, accreditations: 9 }
 */
export async function purgeEventPersonalData(
  db: Kysely<Database>,
  now: Date,
  options: { storage?: FileStorage } = {},
): Promise<{ events: string[]; registrations: number; accreditations: number }> {
  const report = { events: [] as string[], registrations: 0, accreditations: 0 };
  const events = await db.selectFrom('event').select(['id', 'ends_at', 'retention_months']).execute();
  for (const event of events) {
    if (purgeDate(event.ends_at, event.retention_months ?? 6) > now) continue;
    const [registrations, accreditations, invitations] = await Promise.all([
      db
        .selectFrom('registration')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('press_accreditation')
        .select(['id', 'status', 'attachment_key'])
        .where('event_id', '=', event.id)
        .execute(),
      db
        .selectFrom('session_invitation')
        .innerJoin('event_session', 'event_session.id', 'session_invitation.session_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('event_session.event_id', '=', event.id)
        .executeTakeFirstOrThrow(),
    ]);
    const held = Number(registrations.n) + accreditations.length + Number(invitations.n);
    if (held === 0) continue;
    // Counted outside the transaction: on SQLite a read beside an open transaction would wait for it.
    const stats = await eventStatistics(db, event.id);
    await db.transaction().execute(async (trx) => {
      await withStatistics(trx)
        .insertInto('event_statistics')
        .values({ event_id: event.id, data: JSON.stringify(stats), purged_at: now.toISOString() })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
      await trx.deleteFrom('press_accreditation').where('event_id', '=', event.id).execute();
      await trx
        .deleteFrom('session_invitation')
        .where(
          'session_id',
          'in',
          trx.selectFrom('event_session').select('id').where('event_id', '=', event.id),
        )
        .execute();
      await trx.deleteFrom('registration').where('event_id', '=', event.id).execute();
      await trx.deleteFrom('idempotency_key').where('scope', '=', `inscription:${event.id}`).execute();
    });
    for (const a of accreditations) {
      // A file that cannot be deleted now stays, but does not stop the purge of the other events.
      if (a.attachment_key && options.storage)
        await options.storage.delete(a.attachment_key).catch(() => false);
    }
    report.events.push(event.id);
    report.registrations += Number(registrations.n);
    report.accreditations += accreditations.length;
  }
  return report;
}

async function eventStatistics(db: Kysely<Database>, eventId: string): Promise<EventStatistics> {
  const rows = await loadRegistrations(db, eventId);
  const accreditations = await db
    .selectFrom('press_accreditation')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    version: 1,
    registrations: rows.length,
    byStatus,
    dimensions: statistics(rows),
    accreditations: Object.fromEntries(accreditations.map((a) => [a.status, Number(a.n)])),
    arrived: rows.filter((r) => r.checkedInAt).length,
  };
}

/**
 * The anonymous statistics an event kept when its personal data was purged, or null before that.
 *
 * @example
 * const kept = await keptStatistics(db, 'journee-2023'); // { purgedAt, statistics: { registrations: 412, … } }
 */
export async function keptStatistics(db: Kysely<Database>, eventId: string) {
  const row = await withStatistics(db)
    .selectFrom('event_statistics')
    .select(['data', 'purged_at'])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row ? { purgedAt: row.purged_at, statistics: JSON.parse(row.data) as EventStatistics } : null;
}

/**
 * The events whose retention period is over at `now`, whether or not the purge found anything to delete: for
 * the modules that keep personal data of their own about an event (the espace de rencontres' stand members).
 *
 * @example
 * const ids = await eventsPastRetention(db, new Date()); // ['journee-2023']
 */
export async function eventsPastRetention(db: Kysely<Database>, now: Date): Promise<string[]> {
  const events = await db.selectFrom('event').select(['id', 'ends_at', 'retention_months']).execute();
  return events.filter((e) => purgeDate(e.ends_at, e.retention_months ?? 6) <= now).map((e) => e.id);
}

/**
 * Everything the platform holds about one registration, for the participant to download (RGPD right of
 * access): the registration, its sessions, answers with their questions, arrival, press accreditation, the
 * decisions taken on it (without the organiser's name) and the e-mails sent to the address about the event.
 * Null when there is no such registration. The management token's hash is never part of it.
 *
 * @example
 * const data = await registrationData(db, registrationId);
 * return c.json(data, 200, { 'content-disposition': 'attachment; filename="mes-donnees.json"' });
 */
export async function registrationData(db: Kysely<Database>, registrationId: string) {
  const r = await db
    .selectFrom('registration')
    .selectAll()
    .where('id', '=', registrationId)
    .executeTakeFirst();
  if (!r) return null;
  const [event, questions, sessions, scans, accreditation, decisions, messages] = await Promise.all([
    db
      .selectFrom('event')
      .select(['id', 'title', 'starts_at', 'ends_at', 'retention_months'])
      .where('id', '=', r.event_id)
      .executeTakeFirst(),
    db.selectFrom('event_question').select(['id', 'label']).where('event_id', '=', r.event_id).execute(),
    db
      .selectFrom('registration_session as rs')
      .innerJoin('event_session as s', 's.id', 'rs.session_id')
      .select(['s.title', 's.starts_at', 'rs.status', 'rs.created_at'])
      .where('rs.registration_id', '=', registrationId)
      .orderBy('s.starts_at')
      .execute(),
    db
      .selectFrom('checkin_scan')
      .select(['scanned_at', 'received_at'])
      .where('registration_id', '=', registrationId)
      .orderBy('scanned_at')
      .execute(),
    db
      .selectFrom('press_accreditation')
      .select(['full_name', 'email', 'media', 'press_card', 'status', 'reason', 'created_at', 'decided_at'])
      .where('event_id', '=', r.event_id)
      .where('email', '=', r.email)
      .execute(),
    withRegistrationTables(db)
      .selectFrom('registration_log')
      .select(['at', 'action', 'detail'])
      .where('registration_id', '=', registrationId)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('outbox_message')
      .select(['subject', 'status', 'created_at', 'sent_at'])
      .where(sql<string>`lower(recipient)`, '=', r.email)
      .orderBy('created_at')
      .execute(),
  ]);
  const answers: unknown = JSON.parse(r.answers || '{}');
  const labels = new Map(questions.map((q) => [q.id, q.label]));
  return {
    evenement: event
      ? {
          titre: event.title,
          debut: event.starts_at,
          fin: event.ends_at,
          conservationMois: event.retention_months,
        }
      : null,
    inscription: {
      identifiant: r.id,
      prenom: r.given_name,
      nom: r.family_name,
      adresseElectronique: r.email,
      organisation: r.organisation_name,
      siren: r.organisation_siren,
      collectivite: r.collectivite_key,
      profil: r.profile,
      mode: r.mode,
      statut: r.status,
      motifRefus: r.refusal_reason,
      figureDansLaListeDesParticipants: r.listed === 1,
      arrivee: r.checked_in_at,
      creeeLe: r.created_at,
      modifieeLe: r.updated_at,
      annuleeLe: r.cancelled_at,
    },
    reponses: Object.entries(answers && typeof answers === 'object' ? answers : {}).map(([id, value]) => ({
      question: labels.get(id) ?? id,
      reponse: value as unknown,
    })),
    sessions: sessions.map((s) => ({
      titre: s.title,
      debut: s.starts_at,
      statut: s.status,
      choisieLe: s.created_at,
    })),
    passagesALAccueil: scans.map((s) => ({ scanneLe: s.scanned_at, recuLe: s.received_at })),
    accreditationPresse: accreditation.map((a) => ({
      nomComplet: a.full_name,
      adresseElectronique: a.email,
      media: a.media,
      cartePresse: a.press_card,
      statut: a.status,
      motif: a.reason,
      demandeeLe: a.created_at,
      decideeLe: a.decided_at,
    })),
    decisions: decisions.map((d) => ({ le: d.at, decision: d.action, precision: d.detail })),
    courriels: messages.map((m) => ({
      objet: m.subject,
      etat: m.status,
      creeLe: m.created_at,
      envoyeLe: m.sent_at,
    })),
  };
}
