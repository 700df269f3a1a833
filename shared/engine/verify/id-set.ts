/**
 * A set of record ids with the answers of a `Set<string>`, in a fraction of its memory: an id shaped
 * as a lowercase UUID (what the app makes, shared/ids/uuid7.ts) is kept as its 128 bits in an
 * open-addressing table of 32-bit words, 16 bytes an id where a string in a Set takes several times
 * that; any other string (an old or hand-made id, an uppercase UUID) goes to a plain Set. The packing
 * is exact — the 32 hex digits are the whole of such an id — so two ids are equal here only when they
 * are equal strings.
 *
 * The table doubles as it fills, and moves its ids over a few at a time (GROW_STEP slots with each
 * later `add`), not all at once: a restore checks a large book's ids on the window's thread, and moving
 * 367k ids in one `add` took 90 ms of CPU, the whole budget of a task. Until they are all moved, a
 * lookup also probes the table before the doubling, which is left as it was (ids are never removed).
 */
export class IdSet {
  /** Four words a slot; a slot of four zero words is empty, so the zero UUID is kept apart. */
  private words = new Uint32Array(INITIAL_SLOTS * 4);
  private mask = INITIAL_SLOTS - 1;
  /** The table before the last doubling while its ids are still being moved over, else null. */
  private old: Uint32Array | null = null;
  private oldMask = 0;
  /** The next slot of `old` to move. */
  private moveAt = 0;
  private packed = 0;
  private zero = false;
  private readonly others = new Set<string>();
  /** The bits of the id last unpacked. */
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** The packed id `has` last looked up and the free slot it found, so `add` right after probes no more. */
  private missed: string | undefined;
  private missedSlot = 0;

  get size(): number {
    return this.packed + (this.zero ? 1 : 0) + this.others.size;
  }

  /** Slots of the table before the last doubling still to be moved over (0 once all are). */
  get slotsToMove(): number {
    return this.old ? this.old.length / 4 - this.moveAt : 0;
  }

  has(id: string): boolean {
    if (!this.unpack(id)) return this.others.has(id);
    if (this.isZero()) return this.zero;
    const slot = this.slotOf();
    if (slot >= 0) return true;
    if (this.inOld()) return true;
    this.missed = id;
    this.missedSlot = ~slot;
    return false;
  }

  add(id: string): this {
    let free: number;
    if (id === this.missed) {
      free = this.missedSlot;
    } else {
      if (!this.unpack(id)) {
        this.others.add(id);
        return this;
      }
      if (this.isZero()) {
        this.zero = true;
        return this;
      }
      const slot = this.slotOf();
      if (slot >= 0 || this.inOld()) return this;
      free = ~slot;
    }
    this.missed = undefined;
    if ((this.packed + 1) * LOAD_DENOMINATOR > (this.mask + 1) * LOAD_NUMERATOR) {
      this.grow();
      free = this.freeSlot(this.words, this.mask);
    }
    this.write(this.words, free);
    this.packed++;
    if (this.old) this.moveSome(GROW_STEP);
    return this;
  }

  /** Whether `id` is a lowercase UUID (8-4-4-4-12 hex digits); if so its bits are left in a, b, c, d. */
  private unpack(id: string): boolean {
    this.missed = undefined;
    if (id.length !== 36) return false;
    if (id.charCodeAt(8) !== DASH || id.charCodeAt(13) !== DASH || id.charCodeAt(18) !== DASH || id.charCodeAt(23) !== DASH) {
      return false;
    }
    // A character that is not a lowercase hex digit has the value -1, which leaves `any` negative.
    let any = 0;
    let w = 0;
    for (let i = 0; i < 8; i++) {
      const v = hexValue(id.charCodeAt(i));
      any |= v;
      w = (w << 4) | v;
    }
    this.a = w >>> 0;
    w = 0;
    for (let i = 9; i < 18; i++) {
      if (i === 13) continue;
      const v = hexValue(id.charCodeAt(i));
      any |= v;
      w = (w << 4) | v;
    }
    this.b = w >>> 0;
    w = 0;
    for (let i = 19; i < 28; i++) {
      if (i === 23) continue;
      const v = hexValue(id.charCodeAt(i));
      any |= v;
      w = (w << 4) | v;
    }
    this.c = w >>> 0;
    w = 0;
    for (let i = 28; i < 36; i++) {
      const v = hexValue(id.charCodeAt(i));
      any |= v;
      w = (w << 4) | v;
    }
    this.d = w >>> 0;
    return any >= 0;
  }

  private isZero(): boolean {
    return (this.a | this.b | this.c | this.d) === 0;
  }

  /**
   * Mixes all 128 bits: a UUIDv7 begins with its creation time, so ids made together share their
   * first bits and only a mix of every word spreads them over the table.
   */
  private hash(): number {
    let h = this.a ^ Math.imul(this.b, 0x9e3779b1) ^ Math.imul(this.c, 0x85ebca6b) ^ Math.imul(this.d, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** The slot holding the unpacked id, or `~slot` of the empty slot where it would go. */
  private slotOf(): number {
    const { words, mask, a, b, c, d } = this;
    let slot = this.hash() & mask;
    for (;;) {
      const at = slot * 4;
      const w0 = words[at]!;
      const w1 = words[at + 1]!;
      const w2 = words[at + 2]!;
      const w3 = words[at + 3]!;
      if (w0 === a && w1 === b && w2 === c && w3 === d) return slot;
      if ((w0 | w1 | w2 | w3) === 0) return ~slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The first empty slot of the unpacked id's probe sequence in `words`. */
  private freeSlot(words: Uint32Array, mask: number): number {
    let slot = this.hash() & mask;
    while ((words[slot * 4]! | words[slot * 4 + 1]! | words[slot * 4 + 2]! | words[slot * 4 + 3]!) !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private write(words: Uint32Array, slot: number): void {
    const at = slot * 4;
    words[at] = this.a;
    words[at + 1] = this.b;
    words[at + 2] = this.c;
    words[at + 3] = this.d;
  }

  /** Whether the unpacked id is in the table before the last doubling (only while its ids are being moved). */
  private inOld(): boolean {
    const { old, oldMask, a, b, c, d } = this;
    if (!old) return false;
    let slot = this.hash() & oldMask;
    for (;;) {
      const at = slot * 4;
      const w0 = old[at]!;
      const w1 = old[at + 1]!;
      const w2 = old[at + 2]!;
      const w3 = old[at + 3]!;
      if (w0 === a && w1 === b && w2 === c && w3 === d) return true;
      if ((w0 | w1 | w2 | w3) === 0) return false;
      slot = (slot + 1) & oldMask;
    }
  }

  /**
   * Doubles the table. Its ids are moved over later, GROW_STEP slots with each add: by the time the
   * new table is full enough to double again, all of them have been. A doubling due while ids are
   * still being moved (not with the load and step here) first moves the rest.
   */
  private grow(): void {
    if (this.old) this.moveSome(Infinity);
    this.old = this.words;
    this.oldMask = this.mask;
    this.moveAt = 0;
    this.mask = this.mask * 2 + 1;
    this.words = new Uint32Array((this.mask + 1) * 4);
  }

  /** Moves up to `slots` slots of the table before the doubling into the new one; the unpacked id is left as it was. */
  private moveSome(slots: number): void {
    const old = this.old!;
    const { a, b, c, d, words, mask } = this;
    const end = Math.min(old.length, (this.moveAt + Math.min(slots, old.length)) * 4);
    for (let at = this.moveAt * 4; at < end; at += 4) {
      this.a = old[at]!;
      this.b = old[at + 1]!;
      this.c = old[at + 2]!;
      this.d = old[at + 3]!;
      if (!this.isZero()) this.write(words, this.freeSlot(words, mask));
    }
    this.moveAt = end / 4;
    if (end === old.length) this.old = null;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}

const INITIAL_SLOTS = 16;
/**
 * Slots of the table before a doubling moved with each add after it. At a doubling the new table is
 * 35% full and it doubles again at 70%, that is after as many adds as the old table had slots × 0.7;
 * moving 8 slots an add finishes long before, and costs an add a few microseconds.
 */
export const GROW_STEP = 8;
/** Grows past a load of 0.7: 639k ids, a large book's ids, sit in 2^20 slots (16 MiB). */
const LOAD_NUMERATOR = 7;
const LOAD_DENOMINATOR = 10;
const DASH = 0x2d;

/** 0–15 for a lowercase hex digit, -1 for any other character. */
function hexValue(ch: number): number {
  if (ch >= 0x30 && ch <= 0x39) return ch - 0x30;
  if (ch >= 0x61 && ch <= 0x66) return ch - 0x57;
  return -1;
}
