/**
 * The assignment of the scheduling mode: maximise the requests satisfied under the slots' capacities, the
 * participants' times and the per-person limit, then the rank points.
 *
 * 1. Two starts: rank rounds (everyone's first choice, then everyone's second…, in an order drawn from a
 *    seed and reversed every round, so that no one is always served last) and the greedy baseline itself.
 * 2. Each start is improved by augmenting moves until a pass changes nothing (or the time budget runs out):
 *    - an unsatisfied request takes a free place at its stand where its participant is free;
 *    - or a chain inside the stand: the participant takes slot A, whose occupant moves to slot B, whose
 *      occupant moves… to a slot with room (a breadth-first search over the stand's slots);
 *    - or the participant's own meeting that overlaps a free slot moves to another slot of its stand;
 *    - a participant at their limit swaps their worst-ranked meeting for a better-ranked choice.
 *    No move ever drops a satisfied request, so the result is never below its start.
 * 3. The better of the two is kept: never below the greedy baseline, by construction.
 */

import { seededRandom } from '../../../shared/random.js';
import { greedyState } from './greedy.js';
import { type Instance, type Solution, State } from './state.js';

export interface AssignResult {
  solution: Solution;
  baseline: Solution;
  passes: number;
  ms: number;
}

/** A small seeded generator (the platform's mulberry32): the same seed, the same order, the same assignment. */
export function seeded(seed: number): () => number {
  return seededRandom(seed).next;
}

/**
 * @example
 * const { solution, baseline } = assign(instance, { seed: 7 });
 * solution.satisfied >= baseline.satisfied // always
 */
export function assign(
  instance: Instance,
  options: { seed?: number; timeBudgetMs?: number } = {},
): AssignResult {
  const started = performance.now();
  const deadline = started + (options.timeBudgetMs ?? 8000);
  const baselineState = greedyState(instance);
  const baseline = baselineState.solution();
  const rounds = rankRounds(instance, options.seed ?? 1);
  let passes = improve(rounds, deadline);
  // Half the budget left to the second start at most: the first usually wins.
  passes += improve(
    baselineState,
    Math.min(deadline, performance.now() + (deadline - performance.now()) / 2),
  );
  const a = rounds.solution();
  const b = baselineState.solution();
  const solution = a.satisfied > b.satisfied || (a.satisfied === b.satisfied && a.score >= b.score) ? a : b;
  return { solution, baseline, passes, ms: performance.now() - started };
}

function rankRounds(instance: Instance, seed: number): State {
  const state = new State(instance);
  const random = seeded(seed);
  const order = state.choices.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let c = 0; c < instance.choicesMax; c++) {
    const sequence = c % 2 === 0 ? order : [...order].reverse();
    for (const p of sequence) {
      if (c >= state.choices[p]!.length || state.count[p]! >= state.limit[p]!) continue;
      let best = -1;
      let bestRoom = 0;
      for (const slot of state.standSlots[state.choices[p]![c]!]!) {
        const room = state.slotCap[slot]! - state.load[slot]!;
        if (room > bestRoom && state.free(p, slot)) {
          best = slot;
          bestRoom = room;
        }
      }
      if (best >= 0) state.place(p, c, best);
    }
  }
  return state;
}

/** Augmenting passes until one changes nothing or the deadline passes; returns the passes made. */
function improve(state: State, deadline: number): number {
  let passes = 0;
  for (;;) {
    passes++;
    let changed = false;
    for (let p = 0; p < state.choices.length; p++) {
      if ((p & 63) === 0 && performance.now() > deadline) return passes;
      const held = state.held[p]!;
      for (let c = 0; c < held.length; c++) {
        if (held[c]! >= 0) continue;
        if (state.count[p]! < state.limit[p]!) {
          if (tryPlace(state, p, c)) changed = true;
          continue;
        }
        // At the limit: swap the worst-ranked meeting for this better choice, or put it back.
        let worst = -1;
        for (let w = held.length - 1; w > c; w--) {
          if (held[w]! >= 0) {
            worst = w;
            break;
          }
        }
        if (worst < 0) break;
        const slot = held[worst]!;
        state.remove(p, worst);
        if (tryPlace(state, p, c)) changed = true;
        else state.place(p, worst, slot);
      }
    }
    if (!changed) return passes;
  }
}

/** Places `p`'s choice at position `c` by one of the augmenting moves; changes nothing when none exists. */
export function tryPlace(state: State, p: number, c: number): boolean {
  const stand = state.choices[p]![c]!;
  const slots = state.standSlots[stand]!;
  for (const slot of slots) {
    if (state.hasRoom(slot) && state.free(p, slot)) {
      state.place(p, c, slot);
      return true;
    }
  }
  if (state.standFree[stand]! > 0 && chainInStand(state, p, c, stand)) return true;
  return moveOwnMeeting(state, p, c, stand);
}

/** A chain of moves inside the stand that ends on a slot with room (breadth-first over its slots). */
function chainInStand(state: State, p: number, c: number, stand: number): boolean {
  const slots = state.standSlots[stand]!;
  const parent = new Map<number, { from: number; mover: number } | null>();
  const queue: number[] = [];
  for (const slot of slots) {
    if (state.free(p, slot)) {
      parent.set(slot, null);
      queue.push(slot);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head]!;
    for (const mover of state.occupants[from]!) {
      for (const to of slots) {
        if (to === from || parent.has(to) || !state.free(mover, to, from)) continue;
        if (state.hasRoom(to)) {
          applyChain(state, stand, { from, mover, to }, parent);
          state.place(p, c, firstOf(from, parent));
          return true;
        }
        parent.set(to, { from, mover });
        queue.push(to);
      }
    }
  }
  return false;
}

function firstOf(slot: number, parent: Map<number, { from: number; mover: number } | null>): number {
  let s = slot;
  for (let step = parent.get(s); step; step = parent.get(s)) s = step.from;
  return s;
}

/** Moves every participant of the chain one slot on, from its end (the slot with room) back to its start. */
function applyChain(
  state: State,
  stand: number,
  last: { from: number; mover: number; to: number },
  parent: Map<number, { from: number; mover: number } | null>,
) {
  let move: { from: number; mover: number; to: number } | null = last;
  while (move) {
    const position = state.choiceOf(move.mover, stand);
    state.remove(move.mover, position);
    state.place(move.mover, position, move.to);
    const before = parent.get(move.from);
    move = before ? { from: before.from, mover: before.mover, to: move.from } : null;
  }
}

/** A slot with room at the stand where `p` is busy with one meeting that can move elsewhere in its own stand. */
function moveOwnMeeting(state: State, p: number, c: number, stand: number): boolean {
  const held = state.held[p]!;
  for (const slot of state.standSlots[stand]!) {
    if (!state.hasRoom(slot)) continue;
    let clash = -1;
    let clashes = 0;
    for (let i = 0; i < held.length; i++) {
      const h = held[i]!;
      if (
        h >= 0 &&
        state.slotStart[h]! < state.slotEnd[slot]! &&
        state.slotStart[slot]! < state.slotEnd[h]!
      ) {
        clash = i;
        clashes++;
      }
    }
    if (clashes !== 1) continue;
    const from = held[clash]!;
    // Fixed meetings overlapping the slot cannot move: `free` ignoring the clash says whether only it was in the way.
    if (!state.free(p, slot, from)) continue;
    for (const to of state.standSlots[state.choices[p]![clash]!]!) {
      if (to === from || !state.hasRoom(to) || !state.free(p, to, from)) continue;
      if (state.slotStart[to]! < state.slotEnd[slot]! && state.slotStart[slot]! < state.slotEnd[to]!)
        continue;
      state.remove(p, clash);
      state.place(p, clash, to);
      state.place(p, c, slot);
      return true;
    }
  }
  return false;
}
