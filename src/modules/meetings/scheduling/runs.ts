/**
 * The organiser's scheduling: run the assignment (stored as a proposal to review), then publish it — every
 * proposed meeting becomes a confirmed booking and everyone receives their agenda at once — or set it aside.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { Author, MeetingsDeps, Result } from '../deps.js';
import { decide } from '../store/decide.js';
import { spaceOfEvent } from '../store/reads.js';
import { assign } from './assign.js';
import { loadInstance } from './instance.js';
import { publishAssignments } from './publish.js';
import { upperBound } from './state.js';

export interface RunDetail {
  byRank: number[];
  baselineByRank: number[];
  upperBound: number;
  withoutMeeting: number;
  stands: Array<{ standId: string; demand: number; places: number; assigned: number }>;
  published?: number;
  skipped?: number;
}

export interface Run {
  id: string;
  status: 'proposee' | 'publiee' | 'abandonnee';
  participants: number;
  requests: number;
  satisfied: number;
  score: number;
  baselineSatisfied: number;
  baselineScore: number;
  durationMs: number;
  detail: RunDetail;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

/** The event's runs, latest first. */
export async function runsOf(db: Kysely<Database>, eventId: string): Promise<Run[]> {
  const rows = await db
    .selectFrom('meeting_assignment_run')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status as Run['status'],
    participants: r.participants,
    requests: r.requests,
    satisfied: r.satisfied,
    score: r.score,
    baselineSatisfied: r.baseline_satisfied,
    baselineScore: r.baseline_score,
    durationMs: r.duration_ms,
    detail: JSON.parse(r.detail) as RunDetail,
    createdBy: r.created_by,
    createdAt: r.created_at,
    publishedAt: r.published_at,
  }));
}

/** A number from the event id, so that the same rankings give the same assignment. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Runs the assignment on the rankings as they stand and stores it as a proposal (an older proposal is set
 * aside); returns its id.
 *
 * @example
 * const run = await runAssignment(deps, author, eventId);
 */
export async function runAssignment(
  deps: MeetingsDeps,
  author: Author,
  eventId: string,
): Promise<Result<string>> {
  const now = deps.clock.now().toISOString();
  const space = await spaceOfEvent(deps.db, eventId);
  if (space?.mode !== 'planifie') {
    return {
      ok: false,
      errors: { _form: 'Passez l’espace de rencontres en mode planification pour lancer une affectation.' },
    };
  }
  if (space.publishedRunId) return { ok: false, errors: { _form: 'Une affectation est déjà publiée.' } };
  const instance = await loadInstance(deps.db, space, now);
  if (instance.participants.length === 0) {
    return { ok: false, errors: { _form: 'Aucun participant n’a encore classé de stand.' } };
  }
  const result = assign(instance, { seed: seedOf(eventId) });
  const requests = instance.participants.reduce((n, p) => n + p.choices.length, 0);
  const assigned = new Set(result.solution.assignments.map((a) => a.participantId));
  const places = new Map<string, number>();
  for (const s of instance.slots)
    places.set(s.standId, (places.get(s.standId) ?? 0) + Math.max(0, s.capacity));
  const demand = new Map<string, number>();
  for (const p of instance.participants) for (const c of p.choices) demand.set(c, (demand.get(c) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const a of result.solution.assignments) got.set(a.standId, (got.get(a.standId) ?? 0) + 1);
  const detail: RunDetail = {
    byRank: result.solution.byRank,
    baselineByRank: result.baseline.byRank,
    upperBound: upperBound(instance),
    withoutMeeting: instance.participants.filter((p) => p.choices.length > 0 && !assigned.has(p.id)).length,
    stands: [...new Set([...places.keys(), ...demand.keys()])].map((standId) => ({
      standId,
      demand: demand.get(standId) ?? 0,
      places: places.get(standId) ?? 0,
      assigned: got.get(standId) ?? 0,
    })),
  };
  const id = randomUUID();
  await decide(deps.db, deps.dialect, async (trx) => {
    await trx
      .updateTable('meeting_assignment_run')
      .set({ status: 'abandonnee' })
      .where('event_id', '=', eventId)
      .where('status', '=', 'proposee')
      .execute();
    await trx
      .insertInto('meeting_assignment_run')
      .values({
        id,
        event_id: eventId,
        status: 'proposee',
        participants: instance.participants.length,
        requests,
        satisfied: result.solution.satisfied,
        score: result.solution.score,
        baseline_satisfied: result.baseline.satisfied,
        baseline_score: result.baseline.score,
        duration_ms: Math.round(result.ms),
        detail: JSON.stringify(detail),
        created_by: author.label,
        created_at: now,
        published_at: null,
      })
      .execute();
    const rows = result.solution.assignments.map((a) => ({
      run_id: id,
      registration_id: a.participantId,
      stand_id: a.standId,
      slot_id: a.slotId,
      rank: a.rank,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('meeting_assignment')
        .values(rows.slice(i, i + 200))
        .execute();
  });
  await deps.audit?.({
    at: now,
    actorId: author.id,
    actorLabel: author.label,
    action: 'rencontres.affectation-lancee',
    targetType: 'rencontres',
    targetId: id,
    details: { satisfaites: result.solution.satisfied, demandes: requests },
    ip: author.ip,
  });
  return { ok: true, value: id };
}

/**
 * Publishes a proposal: its meetings are booked (each checked again against what changed since) and everyone
 * gets their agenda by e-mail, in the same transaction.
 *
 * @example
 * await publishRun(deps, author, eventId, runId) // { ok: true, value: { published: 1180, skipped: 0 } }
 */
export async function publishRun(
  deps: MeetingsDeps,
  author: Author,
  eventId: string,
  runId: string,
): Promise<Result<{ published: number; skipped: number }>> {
  const result = await publishAssignments(deps, eventId, runId);
  if (result.ok) {
    await deps.audit?.({
      at: deps.clock.now().toISOString(),
      actorId: author.id,
      actorLabel: author.label,
      action: 'rencontres.affectation-publiee',
      targetType: 'rencontres',
      targetId: runId,
      details: result.value,
      ip: author.ip,
    });
  }
  return result;
}

/** Sets a proposal aside. */
export async function abandonRun(deps: MeetingsDeps, eventId: string, runId: string): Promise<boolean> {
  const done = await deps.db
    .updateTable('meeting_assignment_run')
    .set({ status: 'abandonnee' })
    .where('id', '=', runId)
    .where('event_id', '=', eventId)
    .where('status', '=', 'proposee')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}
