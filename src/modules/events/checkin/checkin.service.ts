import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/** One person expected at the door, as the check-in page keeps them on the device. */
export interface Attendee {
  id: string;
  name: string;
  /** Family name first, folded: what the list is sorted and searched by. */
  sortKey: string;
  organisation: string | null;
  profile: string;
  mode: string;
  checkedInAt: string | null;
}

/** A scan as a device sends it: its id is made on the device, so a scan sent twice counts once. */
export interface Scan {
  id: string;
  registrationId: string;
  scannedAt: string;
  device: string;
}

/**
 * What became of a scan: `enregistre` (this scan checked the person in), `deja-present` (someone scanned them
 * first, at `firstAt`), `deja-recu` (this very scan had already arrived: a resend), `inconnu` (no registration
 * of this event), `non-confirmee` (cancelled, refused or not yet confirmed).
 */
export type ScanOutcome = 'enregistre' | 'deja-present' | 'deja-recu' | 'inconnu' | 'non-confirmee';
export interface ScanResult {
  id: string;
  registrationId: string;
  outcome: ScanOutcome;
  firstAt: string | null;
}

/**
 * The people expected at an event: confirmed registrations, accredited press included (profile `presse`),
 * sorted by family name.
 *
 * @example
 * const people = await attendeeList(db, 'journee-2023'); // [{ id, name: 'Anne Martin', checkedInAt: null, … }]
 */
export async function attendeeList(db: Kysely<Database>, eventId: string): Promise<Attendee[]> {
  const rows = await db
    .selectFrom('registration')
    .select(['id', 'given_name', 'family_name', 'organisation_name', 'profile', 'mode', 'checked_in_at'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmee')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      name: `${r.given_name} ${r.family_name}`.trim(),
      sortKey: fold(`${r.family_name} ${r.given_name}`),
      organisation: r.organisation_name,
      profile: r.profile,
      mode: r.mode,
      checkedInAt: r.checked_in_at,
    }))
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'fr') || a.id.localeCompare(b.id));
}

/** Lower case without accents, for searching names as people type them. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Records scans, each at most once, and checks each person in at most once. Every step is idempotent on its
 * own (the scan's primary key, then an update conditional on `checked_in_at IS NULL`), so a batch cut by a
 * lost connection is simply sent again. A device's clock may run ahead: an arrival is never later than now.
 *
 * @example
 * const [result] = await recordScans(db, 'journee-2023', [{ id: uuid, registrationId, scannedAt, device: 'tablette-1' }], new Date());
 * result.outcome // 'enregistre'
 */
export async function recordScans(
  db: Kysely<Database>,
  eventId: string,
  scans: Scan[],
  now: Date,
): Promise<ScanResult[]> {
  const results: ScanResult[] = [];
  const received = now.toISOString();
  for (const scan of scans) {
    const registration = await db
      .selectFrom('registration')
      .select(['id', 'status', 'checked_in_at'])
      .where('id', '=', scan.registrationId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!registration) {
      results.push({ id: scan.id, registrationId: scan.registrationId, outcome: 'inconnu', firstAt: null });
      continue;
    }
    if (registration.status !== 'confirmee') {
      results.push({
        id: scan.id,
        registrationId: scan.registrationId,
        outcome: 'non-confirmee',
        firstAt: null,
      });
      continue;
    }
    const scannedAt = Date.parse(scan.scannedAt) < now.getTime() ? scan.scannedAt : received;
    const inserted = await db
      .insertInto('checkin_scan')
      .values({
        id: scan.id,
        registration_id: registration.id,
        scanned_at: scannedAt,
        received_at: received,
        device: scan.device,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    const fresh = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
    const updated = await db
      .updateTable('registration')
      .set({ checked_in_at: scannedAt })
      .where('id', '=', registration.id)
      .where('checked_in_at', 'is', null)
      .executeTakeFirst();
    // Whichever request set the arrival says so, even a resend racing its first attempt: exactly one
    // `enregistre` per person, whatever the interleaving.
    const checkedIn = Number(updated.numUpdatedRows) === 1;
    const first = checkedIn ? scannedAt : await checkedInAt(db, registration.id);
    results.push({
      id: scan.id,
      registrationId: registration.id,
      outcome: checkedIn ? 'enregistre' : fresh ? 'deja-present' : 'deja-recu',
      firstAt: first,
    });
  }
  return results;
}

async function checkedInAt(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('registration')
    .select('checked_in_at')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.checked_in_at ?? null;
}

/**
 * Checks one person in from the server (the name search without JavaScript, a badge typed in a form): a scan
 * with an id made here.
 *
 * @example
 * await checkInOne(db, eventId, registrationId, new Date(), 'formulaire');
 */
export async function checkInOne(
  db: Kysely<Database>,
  eventId: string,
  registrationId: string,
  now: Date,
  device: string,
): Promise<ScanResult> {
  const [result] = await recordScans(
    db,
    eventId,
    [{ id: randomUUID(), registrationId, scannedAt: now.toISOString(), device }],
    now,
  );
  return result!;
}

/**
 * How many have arrived, of how many expected, press apart (their own list).
 *
 * @example
 * await arrivalCounts(db, eventId); // { arrived: 120, expected: 340, pressArrived: 2, pressExpected: 5 }
 */
export async function arrivalCounts(db: Kysely<Database>, eventId: string) {
  const rows = await db
    .selectFrom('registration')
    .select((eb) => [
      'profile',
      eb.fn.countAll<number>().as('expected'),
      eb.fn.count<number>('checked_in_at').as('arrived'),
    ])
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmee')
    .groupBy('profile')
    .execute();
  const out = { arrived: 0, expected: 0, pressArrived: 0, pressExpected: 0 };
  for (const r of rows) {
    out.arrived += Number(r.arrived);
    out.expected += Number(r.expected);
    if (r.profile === 'presse') {
      out.pressArrived += Number(r.arrived);
      out.pressExpected += Number(r.expected);
    }
  }
  return out;
}

/**
 * The arrivals other devices reported since `since` (by the time the server received them), so that every
 * tablet at the door shows the same list.
 *
 * @example
 * await arrivalsSince(db, eventId, '2023-01-18T08:10:00.000Z'); // [{ registrationId, checkedInAt }]
 */
export async function arrivalsSince(db: Kysely<Database>, eventId: string, since: string) {
  const rows = await db
    .selectFrom('checkin_scan as s')
    .innerJoin('registration as r', 'r.id', 's.registration_id')
    .select(['r.id', 'r.checked_in_at'])
    .where('r.event_id', '=', eventId)
    .where('s.received_at', '>', since)
    .where('r.checked_in_at', 'is not', null)
    .groupBy(['r.id', 'r.checked_in_at'])
    .execute();
  return rows.map((r) => ({ registrationId: r.id, checkedInAt: r.checked_in_at as string }));
}
