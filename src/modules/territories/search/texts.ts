import { displayName, type Territory, type TerritoryAlias } from '../territories.domain.js';
import { foldExpanded } from './fold.js';

/** One searchable text: a territory's name, another form of it, or a commune déléguée's name. */
export interface SearchText {
  /** The territory's rank (its position in the ranked list). */
  target: number;
  /** Folded, abbreviations spelled out. */
  text: string;
  /** Found through another name than the territory's own. */
  alias: boolean;
  detail: string | null;
}

const ALIAS_LABELS = { 'commune-deleguee': 'commune déléguée', 'commune-associee': 'commune associée' };

/**
 * The texts the picker searches (`own`: each ranked territory's name, folded and expanded), in rank order: each territory's name, its displayed name when it differs
 * (an EPCI's kind spelled out: "communaute de communes du pays de gex" as well as "cc du pays de gex"), and
 * the names of communes déléguées and associées, which lead to their commune nouvelle.
 *
 * @example
 * buildTexts(ranked, ranked.map((t) => foldExpanded(t.name)), aliases, byKindCode) // [{ target: 0, text: 'paris', alias: false, detail: null }, …]
 */
export function buildTexts(
  ranked: Territory[],
  own: string[],
  aliases: TerritoryAlias[],
  byKindCode: Map<string, number>,
): SearchText[] {
  const texts: SearchText[] = [];
  ranked.forEach((t, target) => {
    texts.push({ target, text: own[target]!, alias: false, detail: null });
    // Only an EPCI's displayed name differs by more than its apostrophes.
    const shown = t.kind === 'epci' ? foldExpanded(displayName(t)) : own[target]!;
    if (shown !== own[target]) texts.push({ target, text: shown, alias: false, detail: null });
  });
  for (const a of aliases) {
    if (a.kind === 'ancien-code' || !a.name) continue;
    const target = byKindCode.get(`commune:${a.communeCode}`);
    if (target === undefined) continue;
    const text = foldExpanded(a.name);
    // The commune déléguée that kept the commune nouvelle's name adds nothing.
    if (text === own[target]) continue;
    texts.push({
      target,
      text,
      alias: true,
      detail: `${ALIAS_LABELS[a.kind]} : ${a.name.replace(/'/g, '’')}`,
    });
  }
  return texts.sort((a, b) => a.target - b.target || Number(a.alias) - Number(b.alias));
}
