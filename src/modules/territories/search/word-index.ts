/**
 * Word-prefix matching in any order: every word of a query must start some word of a document. An inverted
 * index over the sorted distinct words, so that a prefix is a contiguous range found by binary search.
 */
export class WordIndex {
  private readonly words: string[];
  private readonly postings: Int32Array[];
  private readonly size: number;

  /**
   * @example
   * const index = new WordIndex([{ id: 0, words: ['saint', 'martin', 'savoie'] }]);
   * [...index.matchAll(['mar', 'sai'])] // [0]
   */
  constructor(docs: Array<{ id: number; words: string[] }>) {
    const byWord = new Map<string, number[]>();
    let size = 0;
    for (const doc of docs) {
      size = Math.max(size, doc.id + 1);
      for (const w of doc.words) {
        const list = byWord.get(w);
        if (!list) byWord.set(w, [doc.id]);
        else if (list[list.length - 1] !== doc.id) list.push(doc.id); // a word twice in one document
      }
    }
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => Int32Array.from(byWord.get(w)!));
    this.size = size;
  }

  /** The documents in which each token starts a distinct-or-same word; tokens may come in any order. */
  matchAll(tokens: string[]): number[] {
    // Twelve words are more than any place name needs, and keep the counts within a byte.
    const unique = [...new Set(tokens.filter(Boolean))].slice(0, 12);
    if (unique.length === 0) return [];
    const ranges = unique.map((t) => this.range(t));
    if (ranges.some(([lo, hi]) => lo === hi)) return [];
    // The rarest token first: the count array then only ever climbs for the few documents it holds.
    ranges.sort((a, b) => a[2] - b[2]);
    const count = new Uint8Array(this.size);
    for (let step = 0; step < ranges.length; step++) {
      const [lo, hi] = ranges[step]!;
      for (let w = lo; w < hi; w++) {
        for (const id of this.postings[w]!) if (count[id] === step) count[id] = step + 1;
      }
    }
    const out: number[] = [];
    const [lo, hi] = ranges[ranges.length - 1]!;
    for (let w = lo; w < hi; w++) {
      for (const id of this.postings[w]!) {
        if (count[id] === ranges.length) {
          out.push(id);
          count[id] = 0; // reported once, even when several of its words share the prefix
        }
      }
    }
    return out;
  }

  /** The range of words starting with `prefix`, and how many postings it spans. */
  private range(prefix: string): [number, number, number] {
    const lo = this.lowerBound(prefix);
    const hi = this.lowerBound(`${prefix}\uffff`);
    let total = 0;
    for (let w = lo; w < hi; w++) total += this.postings[w]!.length;
    return [lo, hi, total];
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
