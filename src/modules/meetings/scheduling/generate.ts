/**
 * Generated instances of the assignment problem, for its tests and its benchmark: a forum of `stands` stands
 * from 15:00 to 16:30, each with a few members holding slots of one length (10 to 30 minutes), some for small
 * groups; participants ranking `choices` stands drawn with a skewed popularity (some stands are wanted by
 * many), a per-person limit, and a few meetings some already hold.
 */
import { seeded } from './assign.js';
import type { Instance, InstanceParticipant, InstanceSlot } from './state.js';

export interface InstanceSpec {
  participants: number;
  stands: number;
  choices: number;
  seed: number;
  /** Meetings a participant may receive (default: all their choices). */
  limit?: number;
  /** Members per stand, inclusive range (default 3 to 6). */
  members?: [number, number];
  /** Share of small-group slots (default 0.2), which take 3 to 6 participants. */
  groups?: number;
  /** Share of participants who already hold one meeting (default 0.05). */
  busy?: number;
}

const DAY = Date.parse('2023-01-18T14:00:00.000Z');
const FORUM_MINUTES = 90;
const MINUTE = 60_000;

/**
 * @example
 * generateInstance({ participants: 2000, stands: 30, choices: 5, seed: 1 })
 */
export function generateInstance(spec: InstanceSpec): Instance {
  const random = seeded(spec.seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const [minMembers, maxMembers] = spec.members ?? [3, 6];
  const slots: InstanceSlot[] = [];
  for (let s = 0; s < spec.stands; s++) {
    const length = [10, 15, 20, 30][between(0, 3)]!;
    const members = between(minMembers, maxMembers);
    for (let m = 0; m < members; m++) {
      const offset = between(0, 1) * 5;
      for (let t = offset; t + length <= FORUM_MINUTES; t += length) {
        const group = random() < (spec.groups ?? 0.2);
        slots.push({
          id: `stand-${s}-membre-${m}-${t}`,
          standId: `stand-${s}`,
          start: DAY + t * MINUTE,
          end: DAY + (t + length) * MINUTE,
          capacity: group ? between(3, 6) : 1,
        });
      }
    }
  }
  // Popularity: stand i weighs 1 / (i + 1)^0.8.
  const weights = Array.from({ length: spec.stands }, (_, i) => 1 / (i + 1) ** 0.8);
  const participants: InstanceParticipant[] = [];
  for (let p = 0; p < spec.participants; p++) {
    const chosen: string[] = [];
    const left = weights.map((w, i) => ({ w, i }));
    while (chosen.length < Math.min(spec.choices, spec.stands)) {
      const total = left.reduce((n, x) => n + x.w, 0);
      let r = random() * total;
      let k = 0;
      while (k < left.length - 1 && r >= left[k]!.w) r -= left[k++]!.w;
      chosen.push(`stand-${left[k]!.i}`);
      left.splice(k, 1);
    }
    const busy =
      random() < (spec.busy ?? 0.05)
        ? [{ start: DAY + between(0, 8) * 10 * MINUTE, end: 0 }].map((b) => ({
            ...b,
            end: b.start + 20 * MINUTE,
          }))
        : [];
    participants.push({ id: `participant-${p}`, choices: chosen, limit: spec.limit ?? spec.choices, busy });
  }
  return { choicesMax: spec.choices, slots, participants };
}
