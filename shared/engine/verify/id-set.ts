/**
 * A set of record ids with the answers of a `Set<string>`, in a fraction of its memory: an id shaped
 * as a lowercase UUID (what the app makes, shared/ids/uuid7.ts) is kept as its 128 bits in an
 * open-addressing table of 32-bit words, 16 bytes an id where a string in a Set takes several times
 * that; any other string (an old or hand-made id, an uppercase UUID) goes to a plain Set. The packing
 * is exact — the 32 hex digits are the whole of such an id — so two ids are equal here only when they
 * are equal strings.
 */
export class IdSet {
  /** Four words a slot; a slot of four zero words is empty, so the zero UUID is kept apart. */
  private words = new Uint32Array(INITIAL_SLOTS * 4);
  private mask = INITIAL_SLOTS - 1;
  private packed = 0;
  private zero = false;
  private readonly others = new Set<string>();

  get size(): number {
    return this.packed + (this.zero ? 1 : 0) + this.others.size;
  }

  has(id: string): boolean {
    if (!unpack(id)) return this.others.has(id);
    if (isZero()) return this.zero;
    return this.slotOf(this.words) >= 0;
  }

  add(id: string): this {
    if (!unpack(id)) {
      this.others.add(id);
      return this;
    }
    if (isZero()) {
      this.zero = true;
      return this;
    }
    const slot = this.slotOf(this.words);
    if (slot >= 0) return this;
    if ((this.packed + 1) * LOAD_DENOMINATOR > (this.mask + 1) * LOAD_NUMERATOR) {
      this.grow();
      this.put(this.words, this.mask);
    } else {
      write(this.words, ~slot);
    }
    this.packed++;
    return this;
  }

  /** The slot holding the unpacked id, or `~slot` of the empty slot where it would go. */
  private slotOf(words: Uint32Array): number {
    let slot = hash() & this.mask;
    for (;;) {
      const at = slot * 4;
      const w0 = words[at]!;
      const w1 = words[at + 1]!;
      const w2 = words[at + 2]!;
      const w3 = words[at + 3]!;
      if (w0 === a && w1 === b && w2 === c && w3 === d) return slot;
      if ((w0 | w1 | w2 | w3) === 0) return ~slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Writes the unpacked id into the first empty slot of its probe sequence in `words`. */
  private put(words: Uint32Array, mask: number): void {
    let slot = hash() & mask;
    while ((words[slot * 4]! | words[slot * 4 + 1]! | words[slot * 4 + 2]! | words[slot * 4 + 3]!) !== 0) slot = (slot + 1) & mask;
    write(words, slot);
  }

  /** Doubles the table and moves every id over (the unpacked id is left as it was). */
  private grow(): void {
    const [ka, kb, kc, kd] = [a, b, c, d];
    const old = this.words;
    const mask = this.mask * 2 + 1;
    const words = new Uint32Array((mask + 1) * 4);
    for (let at = 0; at < old.length; at += 4) {
      a = old[at]!;
      b = old[at + 1]!;
      c = old[at + 2]!;
      d = old[at + 3]!;
      if ((a | b | c | d) !== 0) this.put(words, mask);
    }
    this.words = words;
    this.mask = mask;
    [a, b, c, d] = [ka, kb, kc, kd];
  }
}

const INITIAL_SLOTS = 16;
/** Grows past a load of 0.7: 639k ids, a large book's biggest table, sit in 2^20 slots (16 MiB). */
const LOAD_NUMERATOR = 7;
const LOAD_DENOMINATOR = 10;

/** The 128 bits of the id last unpacked; module-level so a lookup allocates nothing. */
let a = 0;
let b = 0;
let c = 0;
let d = 0;

/** Whether `id` is a lowercase UUID (8-4-4-4-12 hex digits); if so its bits are left in a, b, c, d. */
function unpack(id: string): boolean {
  if (id.length !== 36) return false;
  if (id.charCodeAt(8) !== DASH || id.charCodeAt(13) !== DASH || id.charCodeAt(18) !== DASH || id.charCodeAt(23) !== DASH) {
    return false;
  }
  const w0 = word(id, 0, 8);
  const w1 = (word(id, 9, 13) << 16) | word(id, 14, 18);
  const w2 = (word(id, 19, 23) << 16) | word(id, 24, 28);
  const w3 = word(id, 28, 36);
  if (bad) {
    bad = false;
    return false;
  }
  a = w0 >>> 0;
  b = w1 >>> 0;
  c = w2 >>> 0;
  d = w3 >>> 0;
  return true;
}

const DASH = 0x2d;
/** Set by `word` on a character that is not a lowercase hex digit. */
let bad = false;

/** The hex digits from `start` to `end` (at most 8) as a number; sets `bad` on any other character. */
function word(id: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const ch = id.charCodeAt(i);
    let digit: number;
    if (ch >= 0x30 && ch <= 0x39) digit = ch - 0x30;
    else if (ch >= 0x61 && ch <= 0x66) digit = ch - 0x61 + 10;
    else {
      bad = true;
      return 0;
    }
    value = (value << 4) | digit;
  }
  return value;
}

function isZero(): boolean {
  return (a | b | c | d) === 0;
}

/**
 * Mixes all 128 bits: a UUIDv7 begins with its creation time, so ids made together share their first
 * bits and only a mix of every word spreads them over the table.
 */
function hash(): number {
  let h = a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function write(words: Uint32Array, slot: number): void {
  const at = slot * 4;
  words[at] = a;
  words[at + 1] = b;
  words[at + 2] = c;
  words[at + 3] = d;
}
