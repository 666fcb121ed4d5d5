/**
 * The picker's in-memory index over the whole COG, built from the database's rows and queried in well under
 * a millisecond. The database stays the source of truth; this is a cache of it, rebuilt when the edition
 * changes (see territories.service.ts).
 *
 * Ranking, best first: (0) a code (INSEE, SIREN, département or région code) or an exact name, (1) a name
 * starting with the query, or a commune of that postcode, (2) a name containing it, (3) every word of the
 * query starting a word of the name or of its département ("saint martin savoie"). Within a rank, a name
 * found directly comes before one found through a commune déléguée or a former code, then the most populous
 * first — an EPCI counting as its largest commune, so that "grenob" offers Grenoble, then its métropole. The
 * order is total (ties end on the folded name and the code), so both dialects answer alike whatever order
 * their rows came in.
 */
import {
  displayName,
  KIND_ORDER,
  kindLabel,
  type Territory,
  type TerritoryAlias,
  type TerritoryKind,
  territoryKey,
  territoryLabel,
} from '../territories.domain.js';
import { foldExpanded, foldVariants } from './fold.js';
import { codeLookups, type Lookups, type Tier } from './lookups.js';
import { clampLimit, KIND_BITS, maskOf, topK } from './ranking.js';
import { buildTexts, type SearchText } from './texts.js';
import { WordIndex } from './word-index.js';

/** How a suggestion was found, from the strongest reason to the weakest. */
export type MatchKind = 'code' | 'exact' | 'prefix' | 'postcode' | 'substring' | 'words';
const MATCHES: MatchKind[] = ['code', 'exact', 'prefix', 'postcode', 'substring', 'words'];

export interface TerritorySuggestion {
  /** The territory's key: what a picker submits and the last segment of its page's address. */
  key: string;
  kind: TerritoryKind;
  code: string;
  name: string;
  /** The name with what tells it from homonyms: "Saint-Martin (65 – Hautes-Pyrénées)". */
  label: string;
  /** Why it is here when the name does not say: "commune déléguée : Bellegarde-sur-Valserine". */
  detail: string | null;
  kindLabel: string;
  population: number | null;
  match: MatchKind;
}

export interface SearchOptions {
  kinds?: readonly TerritoryKind[];
  /** 1 to 50; 10 when absent or nonsense. */
  limit?: number;
}

const MAX_QUERY = 200;
const NONE = 0x7fffffff;

interface Target {
  kind: TerritoryKind;
  code: string;
  key: string;
  name: string;
  label: string;
  kindLabel: string;
  population: number | null;
}

/**
 * Builds the index from every territory and alias of one edition.
 *
 * @example
 * const index = buildTerritoryIndex(await repo.searchSource());
 * index.search('st etienne', { limit: 5 })[0]?.label // 'Saint-Étienne (42 – Loire)'
 */
export function buildTerritoryIndex(source: {
  territories: Territory[];
  aliases: TerritoryAlias[];
}): TerritoryIndex {
  const departements = new Map<string, Territory>();
  const largestMember = new Map<string, number>();
  for (const t of source.territories) {
    if (t.kind === 'departement') departements.set(t.code, t);
    if (t.kind === 'commune' && t.epciCode) {
      largestMember.set(t.epciCode, Math.max(largestMember.get(t.epciCode) ?? 0, t.population ?? 0));
    }
  }
  // An EPCI ranks as its largest commune (just after it, by kind), not as the sum of its communes.
  const weight = (t: Territory) =>
    (t.kind === 'epci' ? (largestMember.get(t.code) ?? t.population) : t.population) ?? -1;
  const sorted = source.territories
    .map((t) => ({ t, w: weight(t), folded: foldExpanded(t.name) }))
    .sort(
      (a, b) =>
        b.w - a.w ||
        KIND_ORDER[a.t.kind] - KIND_ORDER[b.t.kind] ||
        (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0) ||
        (a.t.code < b.t.code ? -1 : a.t.code > b.t.code ? 1 : 0),
    );
  const ranked = sorted.map((x) => x.t);

  const byKindCode = new Map<string, number>();
  const targets: Target[] = ranked.map((t, i) => {
    byKindCode.set(`${t.kind}:${t.code}`, i);
    const dep = t.departementCode ? departements.get(t.departementCode) : undefined;
    return {
      kind: t.kind,
      code: t.code,
      key: territoryKey(t),
      name: displayName(t),
      label: territoryLabel(t, dep?.name ?? null),
      kindLabel: kindLabel(t),
      population: t.population,
    };
  });
  const texts = buildTexts(
    ranked,
    sorted.map((x) => x.folded),
    source.aliases,
    byKindCode,
  );

  // A commune's département (code and name) joins its words, so that "saint martin savoie" or
  // "saint martin 73" tells homonyms apart.
  const depWords = new Map<string, string[]>();
  for (const d of departements.values())
    depWords.set(d.code, [d.code.toLowerCase(), ...foldExpanded(d.name).split(' ')]);
  const words = new WordIndex(
    texts.map((text, id) => {
      const t = ranked[text.target]!;
      const context =
        t.kind !== 'departement' && t.departementCode ? (depWords.get(t.departementCode) ?? []) : [];
      return { id, words: [...text.text.split(' '), ...context] };
    }),
  );
  const kindBits = Uint8Array.from(ranked, (t) => KIND_BITS[t.kind]);
  return new TerritoryIndex(targets, kindBits, texts, codeLookups(ranked, source.aliases, byKindCode), words);
}

export class TerritoryIndex {
  /** Every searchable text, folded, each after a \u0001, in rank order: one indexOf scans them at native speed, best first. */
  private readonly haystack: string;
  private readonly textStart: Int32Array;
  /** The text each character of the haystack belongs to (-1 on separators). */
  private readonly owner: Int32Array;
  /** Text ids in the order of their text, so that a prefix is one contiguous range. */
  private readonly alphabetical: Int32Array;
  // Per-query scratch space, reused: a search is synchronous, so one query never sees another's state.
  private readonly best: Int32Array;
  private readonly match: Uint8Array;
  private readonly detail: Array<string | null>;

  constructor(
    private readonly targets: Target[],
    private readonly kindBits: Uint8Array,
    private readonly texts: SearchText[],
    private readonly lookups: Lookups,
    private readonly words: WordIndex,
  ) {
    this.haystack = `\u0001${texts.map((t) => t.text).join('\u0001')}\u0001`;
    this.textStart = new Int32Array(texts.length);
    this.owner = new Int32Array(this.haystack.length).fill(-1);
    let pos = 1;
    texts.forEach((t, i) => {
      this.textStart[i] = pos;
      this.owner.fill(i, pos, pos + t.text.length);
      pos += t.text.length + 1;
    });
    this.alphabetical = Int32Array.from(texts.keys()).sort((a, b) =>
      texts[a]!.text < texts[b]!.text ? -1 : texts[a]!.text > texts[b]!.text ? 1 : a - b,
    );
    this.best = new Int32Array(targets.length).fill(NONE);
    this.match = new Uint8Array(targets.length);
    this.detail = new Array(targets.length).fill(null);
  }

  /** How many territories the index holds. */
  get size(): number {
    return this.targets.length;
  }

  /**
   * The best territories for what a person typed: a name in any case and accentuation, a postcode, an INSEE
   * code, a SIREN or SIRET. Never throws; nonsense gives an empty list.
   *
   * @example
   * index.search('38000', { kinds: ['commune'] })[0]?.name // 'Grenoble'
   */
  search(query: string, options: SearchOptions = {}): TerritorySuggestion[] {
    const limit = clampLimit(options.limit);
    const mask = maskOf(options.kinds);
    const q = typeof query === 'string' ? query.slice(0, MAX_QUERY) : '';
    const n = this.targets.length;
    const touched: number[] = [];
    let strong = 0; // targets found with a rank better than words: past `limit`, words cannot reach the list

    const consider = (t: number, tier: Tier, alias: boolean, match: MatchKind, detail: string | null) => {
      if ((this.kindBits[t]! & mask) === 0) return false;
      const score = (tier * 2 + (alias ? 1 : 0)) * n + t;
      const previous = this.best[t]!;
      if (score >= previous) return false;
      if (previous === NONE) touched.push(t);
      if (tier < 3 && (previous === NONE || previous >= 6 * n)) strong++;
      this.best[t] = score;
      this.match[t] = MATCHES.indexOf(match);
      this.detail[t] = detail;
      return true;
    };

    try {
      this.lookups.find(q, consider);
      for (const variant of foldVariants(q)) {
        this.prefixes(variant, consider);
        // Only what is found at tier 0 or 1 outranks every substring (a postcode's beginning, tier 2, may not).
        let better = 0;
        for (const t of touched) if (this.best[t]! < 4 * n) better++;
        if (better < limit) this.substrings(variant, limit - better, consider);
        // One character matching the start of any word is noise, not a search.
        if (strong < limit && variant.length > 1) {
          for (const id of this.words.matchAll(variant.split(' '))) {
            const text = this.texts[id]!;
            consider(text.target, 3, text.alias, 'words', text.detail);
          }
        }
      }
      return topK(touched, this.best, limit).map((t) => this.suggestion(t));
    } finally {
      for (const t of touched) {
        this.best[t] = NONE;
        this.detail[t] = null;
      }
    }
  }

  /** Names equal to the query (tier 0) or starting with it (tier 1), from the alphabetical order. */
  private prefixes(folded: string, consider: Consider) {
    const texts = this.texts;
    let lo = 0;
    let hi = texts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (texts[this.alphabetical[mid]!]!.text < folded) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < texts.length; i++) {
      const text = texts[this.alphabetical[i]!]!;
      if (!text.text.startsWith(folded)) break;
      const exact = text.text.length === folded.length;
      consider(text.target, exact ? 0 : 1, text.alias, exact ? 'exact' : 'prefix', text.detail);
    }
  }

  /**
   * Names containing the query elsewhere than at their start (tier 2). Texts lie in rank order, so the scan
   * stops once `wanted` direct matches are in: every later one ranks below them.
   */
  private substrings(folded: string, wanted: number, consider: Consider) {
    let found = 0;
    let from = 0;
    for (;;) {
      const pos = this.haystack.indexOf(folded, from);
      if (pos < 0) return;
      const id = this.owner[pos]!;
      if (id < 0) {
        from = pos + 1;
        continue;
      }
      const text = this.texts[id]!;
      const start = this.textStart[id]!;
      if (pos !== start && consider(text.target, 2, text.alias, 'substring', text.detail) && !text.alias) {
        if (++found >= wanted) return;
      }
      // The first occurrence is the best one in this text: go on with the next text.
      from = start + text.text.length + 1;
    }
  }

  private suggestion(t: number): TerritorySuggestion {
    const target = this.targets[t]!;
    return {
      key: target.key,
      kind: target.kind,
      code: target.code,
      name: target.name,
      label: target.label,
      detail: this.detail[t] ?? (target.kind === 'epci' ? target.kindLabel : null),
      kindLabel: target.kindLabel,
      population: target.population,
      match: MATCHES[this.match[t]!]!,
    };
  }
}

type Consider = (t: number, tier: Tier, alias: boolean, match: MatchKind, detail: string | null) => boolean;
