import { type Instance, type Solution, State } from './state.js';

/**
 * First come, first served: participants in the given order, each taking their choices best first, each at
 * the earliest slot with room where they are free, until their limit. What booking by hand would give; the
 * baseline the assignment is measured against.
 *
 * @example
 * greedyBaseline(instance).satisfied
 */
export function greedyBaseline(instance: Instance): Solution {
  return greedyState(instance).solution();
}

/** The baseline's working state, for the assignment to start from. */
export function greedyState(instance: Instance): State {
  const state = new State(instance);
  for (let p = 0; p < state.choices.length; p++) {
    const choices = state.choices[p]!;
    for (let c = 0; c < choices.length && state.count[p]! < state.limit[p]!; c++) {
      for (const slot of state.standSlots[choices[c]!]!) {
        if (state.hasRoom(slot) && state.free(p, slot)) {
          state.place(p, c, slot);
          break;
        }
      }
    }
  }
  return state;
}
