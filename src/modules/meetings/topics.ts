/**
 * The words stands are described and found with: the platform's themes (the fund's 17 needs of axe 1 and the
 * themes of axe 2) and the registration profiles, as the fund and events modules define them.
 */
import { PROFILES } from '../events/index.js';
import { THEMES } from '../fund/index.js';

/** The platform's themes, by code. */
export const TOPICS: Record<string, string> = THEMES;

/** The registration profiles a stand may be meant for. */
export const AUDIENCES: Record<string, string> = PROFILES;

/** A topic's label, or its code when unknown. */
export function topicLabel(code: string): string {
  return TOPICS[code] ?? code;
}

/** Keeps the known codes of a list, each once, in the list's order. */
export function knownCodes(codes: readonly string[], known: Record<string, string>): string[] {
  return [...new Set(codes.filter((c) => c in known))];
}
