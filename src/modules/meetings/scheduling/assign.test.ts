import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assign, seeded } from './assign.js';
import { generateInstance } from './generate.js';
import { greedyBaseline } from './greedy.js';
import { type Assignment, type Instance, upperBound } from './state.js';

/**
 * The independent checker: every constraint, from the instance and the assignments alone (no code of the
 * module), and the two figures of merit recomputed.
 */
function check(instance: Instance, assignments: readonly Assignment[]) {
  const problems: string[] = [];
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const people = new Map(instance.participants.map((p) => [p.id, p]));
  const load = new Map<string, number>();
  const byPerson = new Map<string, Assignment[]>();
  let score = 0;
  for (const a of assignments) {
    const slot = slots.get(a.slotId);
    const person = people.get(a.participantId);
    if (!slot || !person) {
      problems.push(`unknown ${a.slotId} or ${a.participantId}`);
      continue;
    }
    if (slot.standId !== a.standId) problems.push(`${a.slotId} is not a slot of ${a.standId}`);
    const position = person.choices.indexOf(a.standId);
    if (position < 0) problems.push(`${a.participantId} did not rank ${a.standId}`);
    const rank = person.ranks?.[position] ?? position + 1;
    if (rank !== a.rank)
      problems.push(`rank of ${a.participantId} at ${a.standId}: ${a.rank} instead of ${rank}`);
    score += Math.max(1, instance.choicesMax + 1 - rank);
    load.set(a.slotId, (load.get(a.slotId) ?? 0) + 1);
    byPerson.set(a.participantId, [...(byPerson.get(a.participantId) ?? []), a]);
    for (const b of person.busy) {
      if (b.start < slot.end && slot.start < b.end)
        problems.push(`${a.participantId} already busy at ${a.slotId}`);
    }
  }
  for (const [id, n] of load) if (n > slots.get(id)!.capacity) problems.push(`${id} over capacity: ${n}`);
  for (const [id, mine] of byPerson) {
    if (mine.length > people.get(id)!.limit) problems.push(`${id} over the limit: ${mine.length}`);
    if (new Set(mine.map((a) => a.standId)).size !== mine.length) problems.push(`${id} twice at one stand`);
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const x = slots.get(mine[i]!.slotId)!;
        const y = slots.get(mine[j]!.slotId)!;
        if (x.start < y.end && y.start < x.end) problems.push(`${id} in two places at once`);
      }
    }
  }
  return { problems, satisfied: assignments.length, score };
}

/** The greedy baseline written again here, from its definition: first come, first served, earliest slot. */
function referenceGreedy(instance: Instance): number {
  const load = new Map<string, number>();
  const bySlots = [...instance.slots].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  let satisfied = 0;
  for (const p of instance.participants) {
    const held: Array<{ start: number; end: number }> = [...p.busy];
    let count = 0;
    const seen = new Set<string>();
    for (const stand of p.choices) {
      if (count >= p.limit || seen.has(stand)) continue;
      seen.add(stand);
      const slot = bySlots.find(
        (s) =>
          s.standId === stand &&
          (load.get(s.id) ?? 0) < s.capacity &&
          !held.some((h) => h.start < s.end && s.start < h.end),
      );
      if (slot) {
        load.set(slot.id, (load.get(slot.id) ?? 0) + 1);
        held.push(slot);
        count++;
        satisfied++;
      }
    }
  }
  return satisfied;
}

/** The true optimum of a tiny instance, by exhaustive search (satisfied requests only). */
function optimum(instance: Instance): number {
  const requests = instance.participants.flatMap((p) => p.choices.map((stand) => ({ p, stand })));
  const load = new Map<string, number>();
  const held = new Map<string, Array<{ start: number; end: number }>>();
  let best = 0;
  const visit = (i: number, got: number) => {
    if (got + (requests.length - i) <= best) return;
    if (i === requests.length) {
      best = got;
      return;
    }
    const { p, stand } = requests[i]!;
    const mine = held.get(p.id) ?? [...p.busy];
    if (mine.length - p.busy.length < p.limit) {
      for (const s of instance.slots) {
        if (s.standId !== stand || (load.get(s.id) ?? 0) >= s.capacity) continue;
        if (mine.some((h) => h.start < s.end && s.start < h.end)) continue;
        load.set(s.id, (load.get(s.id) ?? 0) + 1);
        held.set(p.id, [...mine, s]);
        visit(i + 1, got + 1);
        load.set(s.id, (load.get(s.id) ?? 0) - 1);
        held.set(p.id, mine);
      }
    }
    visit(i + 1, got);
  };
  visit(0, 0);
  return best;
}

describe('the assignment', () => {
  test('on 40 generated instances: every constraint holds and it satisfies at least the greedy baseline', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seeded(seed * 7919);
      const instance = generateInstance({
        participants: 50 + Math.floor(random() * 250),
        stands: 4 + Math.floor(random() * 12),
        choices: 2 + Math.floor(random() * 4),
        seed,
        limit: 1 + Math.floor(random() * 4),
        members: [1, 1 + Math.floor(random() * 4)],
        busy: 0.2,
      });
      const { solution, baseline } = assign(instance, { seed });
      const ours = check(instance, solution.assignments);
      assert.deepEqual(ours.problems, [], `seed ${seed}`);
      assert.equal(ours.satisfied, solution.satisfied);
      assert.equal(
        ours.score,
        solution.score,
        `seed ${seed}: the score it reports is the score of what it returns`,
      );
      assert.deepEqual(check(instance, baseline.assignments).problems, [], `baseline, seed ${seed}`);
      const reference = referenceGreedy(instance);
      assert.equal(baseline.satisfied, reference, `seed ${seed}: the baseline is first come, first served`);
      assert.ok(ours.satisfied >= reference, `seed ${seed}: ${ours.satisfied} < greedy ${reference}`);
      assert.ok(ours.satisfied <= upperBound(instance), `seed ${seed}: above the upper bound`);
    }
  });

  test('on tiny instances it reaches the optimum found by exhaustive search, most of the time and never above', () => {
    let optimal = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const instance = generateInstance({
        participants: 6,
        stands: 3,
        choices: 2,
        seed,
        limit: 2,
        members: [1, 1],
        groups: 0.3,
      });
      instance.slots = instance.slots.filter((_, i) => i % 3 === 0);
      const best = optimum(instance);
      const { solution } = assign(instance, { seed });
      assert.deepEqual(check(instance, solution.assignments).problems, []);
      assert.ok(solution.satisfied <= best, `seed ${seed}`);
      if (solution.satisfied === best) optimal++;
    }
    assert.ok(optimal >= 27, `optimal on ${optimal} of 30`);
  });

  test('the same instance and seed give the same assignment', () => {
    const instance = generateInstance({ participants: 300, stands: 10, choices: 5, seed: 3, limit: 3 });
    assert.deepEqual(assign(instance, { seed: 9 }).solution, assign(instance, { seed: 9 }).solution);
  });

  test('a chain inside a stand: the newcomer gets a slot by moving someone who can go elsewhere', () => {
    const t = (m: number) => Date.parse('2023-01-18T14:00:00.000Z') + m * 60_000;
    // A can only meet the stand at 15:00 (busy after); B took 15:00 first but is free at 15:20 too.
    const instance: Instance = {
      choicesMax: 1,
      slots: [
        { id: 's1', standId: 'x', start: t(0), end: t(20), capacity: 1 },
        { id: 's2', standId: 'x', start: t(20), end: t(40), capacity: 1 },
      ],
      participants: [
        { id: 'B', choices: ['x'], limit: 1, busy: [] },
        { id: 'A', choices: ['x'], limit: 1, busy: [{ start: t(20), end: t(60) }] },
      ],
    };
    assert.equal(greedyBaseline(instance).satisfied, 1);
    const { solution } = assign(instance);
    assert.equal(solution.satisfied, 2);
    assert.deepEqual(check(instance, solution.assignments).problems, []);
  });

  test('2,000 participants × 30 stands × 5 choices in under 10 seconds', () => {
    const instance = generateInstance({
      participants: 2000,
      stands: 30,
      choices: 5,
      seed: 11,
      limit: 4,
      members: [10, 20],
      groups: 0.4,
    });
    const { solution, baseline, ms } = assign(instance, { seed: 11 });
    assert.ok(ms < 10_000, `${ms} ms`);
    assert.deepEqual(check(instance, solution.assignments).problems, []);
    assert.ok(solution.satisfied >= baseline.satisfied);
  });
});
