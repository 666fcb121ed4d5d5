/**
 * Suggested stands: the ones closest to what a participant's organisation does. Pure scoring over what the
 * pages already read — the themes of its projects financed by the fund (carried, co-carried, or in its
 * collectivité) and the profile it registered with. Stands already met are not suggested again.
 */
import type { Stand } from './meetings.domain.js';
import { AUDIENCES, topicLabel } from './topics.js';

export interface Suggestion {
  stand: Stand;
  score: number;
  /** Why, in French, for the page. */
  reasons: string[];
}

/**
 * @example
 * suggestStands(stands, { profile: 'agent-collectivite', themes: new Map([['relation-usagers', 2]]), met: new Set() })
 */
export function suggestStands(
  stands: readonly Stand[],
  who: { profile: string; themes: ReadonlyMap<string, number>; met: ReadonlySet<string> },
  max = 3,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const stand of stands) {
    if (who.met.has(stand.id)) continue;
    let score = 0;
    const reasons: string[] = [];
    const shared = stand.topics.filter((t) => (who.themes.get(t) ?? 0) > 0);
    for (const t of shared) score += 2 + Math.min(who.themes.get(t) ?? 0, 5) / 5;
    if (shared.length > 0) {
      reasons.push(
        `Vos projets financés par le fonds portent sur ${shared.map((t) => `« ${topicLabel(t)} »`).join(', ')}.`,
      );
    }
    if (stand.audiences.includes(who.profile)) {
      score += 2;
      reasons.push(`Ce stand s’adresse notamment au profil « ${AUDIENCES[who.profile] ?? who.profile} ».`);
    }
    if (score > 0) out.push({ stand, score, reasons });
  }
  return out
    .sort((a, b) => b.score - a.score || a.stand.name.localeCompare(b.stand.name, 'fr'))
    .slice(0, max);
}
