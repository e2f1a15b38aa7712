/**
 * Many strings found in one pass (Aho–Corasick): building costs the needles' total length, and
 * each search costs the text's length plus its matches, however many needles there are. Pure.
 */
export class Needles {
  // One slot per state, preallocated (a trie has at most 1 + the needles' total length states).
  /** Transitions by UTF-16 code unit: the first child inline (most trie states have one), the rest in a Map. */
  private readonly firstCode: Int32Array;
  private readonly firstTo: Int32Array;
  private readonly more = new Map<number, Map<number, number>>();
  private readonly fail: Int32Array;
  /** Length of the needle this state spells, 0 if it spells none. */
  private readonly length: Int32Array;
  /** The next state down the failure chain that spells a needle, 0 if none. */
  private readonly output: Int32Array;
  private states = 1;

  constructor(needles: Iterable<string>) {
    const list = [...needles];
    const capacity = list.reduce((n, s) => n + s.length, 1);
    this.firstCode = new Int32Array(capacity).fill(-1);
    this.firstTo = new Int32Array(capacity);
    this.fail = new Int32Array(capacity);
    this.length = new Int32Array(capacity);
    this.output = new Int32Array(capacity);
    for (const needle of list) {
      let state = 0;
      for (let i = 0; i < needle.length; i++) state = this.child(state, needle.charCodeAt(i)) ?? this.add(state, needle.charCodeAt(i));
      if (state !== 0) this.length[state] = needle.length;
    }
    // Breadth first, so a state's failure link (a shorter state) is final before it is used.
    const queue = new Int32Array(this.states);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const from = queue[head] ?? 0;
      this.forEachChild(from, (code, to) => {
        if (from !== 0) {
          const target = this.step(this.fail[from] ?? 0, code);
          this.fail[to] = target;
          this.output[to] = (this.length[target] ?? 0) > 0 ? target : (this.output[target] ?? 0);
        }
        queue[tail++] = to;
      });
    }
  }

  private child(state: number, code: number): number | undefined {
    return this.firstCode[state] === code ? this.firstTo[state] : this.more.get(state)?.get(code);
  }

  private add(state: number, code: number): number {
    const to = this.states++;
    if (this.firstCode[state] === -1) {
      this.firstCode[state] = code;
      this.firstTo[state] = to;
    } else {
      const map = this.more.get(state) ?? new Map<number, number>();
      map.set(code, to);
      this.more.set(state, map);
    }
    return to;
  }

  private forEachChild(state: number, fn: (code: number, to: number) => void): void {
    const code = this.firstCode[state] ?? -1;
    if (code !== -1) fn(code, this.firstTo[state] ?? 0);
    this.more.get(state)?.forEach((to, c) => { fn(c, to); });
  }

  private step(state: number, code: number): number {
    let s = state;
    for (;;) {
      const to = this.child(s, code);
      if (to !== undefined) return to;
      if (s === 0) return 0;
      s = this.fail[s] ?? 0;
    }
  }

  /** Non-overlapping occurrences in `text` as [start, end) pairs: leftmost first, the longest at each start. */
  find(text: string): [number, number][] {
    const candidates: [number, number][] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      for (let s = (this.length[state] ?? 0) > 0 ? state : (this.output[state] ?? 0); s !== 0; s = this.output[s] ?? 0) {
        candidates.push([i + 1 - (this.length[s] ?? 0), i + 1]);
      }
    }
    if (candidates.length === 0) return candidates;
    candidates.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const out: [number, number][] = [];
    let end = 0;
    for (const c of candidates) {
      if (c[0] < end) continue;
      out.push(c);
      end = c[1];
    }
    return out;
  }
}
