/**
 * The assignment problem and its working state, pure and fast: indices instead of ids, typed arrays for the
 * slots' loads. Shared by the greedy baseline (greedy.ts) and the assignment (assign.ts).
 *
 * The problem: each participant ranked up to K stands; give each at most `limit` meetings, at most one per
 * stand and only at stands they ranked, never two at overlapping times (nor over a meeting they already hold),
 * and never more participants on a slot than its capacity left. Maximise the requests satisfied, then the rank
 * points (a first choice counts K, the K-th 1).
 */

export interface InstanceSlot {
  id: string;
  standId: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** Places left on the slot (its capacity minus the live meetings it already holds). */
  capacity: number;
}

export interface InstanceParticipant {
  id: string;
  /** Stand ids, best first. */
  choices: string[];
  /** The rank of each choice when it is not its position + 1 (choices already served were left out). */
  ranks?: number[];
  /** Meetings this participant may still receive. */
  limit: number;
  /** Meetings they already hold: the assignment must not overlap them. */
  busy: Array<{ start: number; end: number }>;
}

export interface Instance {
  choicesMax: number;
  slots: InstanceSlot[];
  participants: InstanceParticipant[];
}

export interface Assignment {
  participantId: string;
  standId: string;
  slotId: string;
  /** 1 for a first choice. */
  rank: number;
}

export interface Solution {
  assignments: Assignment[];
  satisfied: number;
  /** Rank points. */
  score: number;
  /** Satisfied requests by rank (index 0: first choices). */
  byRank: number[];
}

/** Rank points of a satisfied choice. */
export const points = (rank: number, choicesMax: number) => Math.max(1, choicesMax + 1 - rank);

/** The working state: who holds which slot, with the checks every move needs. */
export class State {
  readonly slotStand: Int32Array;
  readonly slotStart: Float64Array;
  readonly slotEnd: Float64Array;
  readonly slotCap: Int32Array;
  readonly load: Int32Array;
  readonly occupants: number[][];
  readonly standSlots: number[][];
  /** Free places per stand, to skip stands with none at once. */
  readonly standFree: Int32Array;
  /** Per participant: chosen stand indices, best first. */
  readonly choices: number[][];
  /** Per participant: the rank of each choice (1 for a first choice), aligned with `choices`. */
  readonly ranks: number[][];
  readonly limit: Int32Array;
  readonly busy: Array<Array<{ start: number; end: number }>>;
  /** Per participant: held slot per chosen stand (-1: none), aligned with `choices`. */
  readonly held: Int32Array[];
  readonly count: Int32Array;
  readonly standIndex = new Map<string, number>();

  constructor(readonly instance: Instance) {
    const n = instance.slots.length;
    this.slotStand = new Int32Array(n);
    this.slotStart = new Float64Array(n);
    this.slotEnd = new Float64Array(n);
    this.slotCap = new Int32Array(n);
    this.load = new Int32Array(n);
    this.occupants = Array.from({ length: n }, () => []);
    for (const s of instance.slots)
      if (!this.standIndex.has(s.standId)) this.standIndex.set(s.standId, this.standIndex.size);
    this.standSlots = Array.from({ length: this.standIndex.size }, () => []);
    this.standFree = new Int32Array(this.standIndex.size);
    instance.slots.forEach((s, i) => {
      const st = this.standIndex.get(s.standId)!;
      this.slotStand[i] = st;
      this.slotStart[i] = s.start;
      this.slotEnd[i] = s.end;
      this.slotCap[i] = Math.max(0, s.capacity);
      this.standSlots[st]!.push(i);
      this.standFree[st]! += Math.max(0, s.capacity);
    });
    for (const list of this.standSlots) list.sort((a, b) => this.slotStart[a]! - this.slotStart[b]! || a - b);
    const m = instance.participants.length;
    this.choices = [];
    this.ranks = [];
    for (const p of instance.participants) {
      const stands: number[] = [];
      const ranks: number[] = [];
      p.choices.forEach((id, i) => {
        const st = this.standIndex.get(id);
        if (st === undefined || stands.includes(st)) return;
        stands.push(st);
        ranks.push(p.ranks?.[i] ?? i + 1);
      });
      this.choices.push(stands);
      this.ranks.push(ranks);
    }
    this.limit = Int32Array.from(instance.participants, (p) => Math.max(0, p.limit));
    this.busy = instance.participants.map((p) => p.busy);
    this.held = this.choices.map((c) => new Int32Array(c.length).fill(-1));
    this.count = new Int32Array(m);
  }

  /** Whether `p` is free during `slot`, not counting the meeting they hold on `ignore` (if any). */
  free(p: number, slot: number, ignore = -1): boolean {
    const start = this.slotStart[slot]!;
    const end = this.slotEnd[slot]!;
    for (const b of this.busy[p]!) if (b.start < end && start < b.end) return false;
    const held = this.held[p]!;
    for (let i = 0; i < held.length; i++) {
      const h = held[i]!;
      if (h < 0 || h === ignore) continue;
      if (this.slotStart[h]! < end && start < this.slotEnd[h]!) return false;
    }
    return true;
  }

  hasRoom(slot: number): boolean {
    return this.load[slot]! < this.slotCap[slot]!;
  }

  /** Puts `p` on `slot` for their choice at position `c`. */
  place(p: number, c: number, slot: number): void {
    this.held[p]![c] = slot;
    this.count[p]!++;
    this.load[slot]!++;
    this.occupants[slot]!.push(p);
    this.standFree[this.slotStand[slot]!]!--;
  }

  /** Takes `p` off the slot of their choice at position `c`. */
  remove(p: number, c: number): void {
    const slot = this.held[p]![c]!;
    if (slot < 0) return;
    this.held[p]![c] = -1;
    this.count[p]!--;
    this.load[slot]!--;
    const occ = this.occupants[slot]!;
    occ.splice(occ.indexOf(p), 1);
    this.standFree[this.slotStand[slot]!]!++;
  }

  /** The position of stand `st` in `p`'s choices, or -1. */
  choiceOf(p: number, st: number): number {
    return this.choices[p]!.indexOf(st);
  }

  /** The solution this state holds. */
  solution(): Solution {
    const K = this.instance.choicesMax;
    const byRank = new Array<number>(Math.max(K, 1)).fill(0);
    const assignments: Assignment[] = [];
    let score = 0;
    this.held.forEach((held, p) => {
      held.forEach((slot, c) => {
        if (slot < 0) return;
        const s = this.instance.slots[slot]!;
        const rank = this.ranks[p]![c]!;
        assignments.push({
          participantId: this.instance.participants[p]!.id,
          standId: s.standId,
          slotId: s.id,
          rank,
        });
        byRank[rank - 1] = (byRank[rank - 1] ?? 0) + 1;
        score += points(rank, K);
      });
    });
    return { assignments, satisfied: assignments.length, score, byRank };
  }
}

/**
 * An upper bound on the requests any assignment can satisfy: each uses a place at its stand and one of its
 * participant's meetings.
 *
 * @example
 * upperBound(instance) // ≥ the satisfied requests of every valid assignment
 */
export function upperBound(instance: Instance): number {
  const capacity = new Map<string, number>();
  for (const s of instance.slots)
    capacity.set(s.standId, (capacity.get(s.standId) ?? 0) + Math.max(0, s.capacity));
  const demand = new Map<string, number>();
  let byPerson = 0;
  for (const p of instance.participants) {
    const choices = [...new Set(p.choices)].filter((c) => capacity.has(c));
    byPerson += Math.min(p.limit, choices.length);
    for (const c of choices) demand.set(c, (demand.get(c) ?? 0) + 1);
  }
  let byStand = 0;
  for (const [stand, d] of demand) byStand += Math.min(d, capacity.get(stand) ?? 0);
  return Math.min(byPerson, byStand);
}
