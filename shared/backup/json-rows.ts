import { strToU8 } from 'fflate';

/**
 * A table entry of a book file is one JSON array of rows. These write and read it a row at a time,
 * so neither side ever holds the table — let alone the book — as one string: the bytes are exactly
 * those of `JSON.stringify(rows)`, and a file written whole by an older version reads the same way.
 */

/** Bytes handed on at once: big enough to keep the compressor busy, small enough to be nothing in memory. */
const PIECE = 64 * 1024;

export class JsonRowsWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private first = true;

  constructor(private readonly out: (bytes: Uint8Array) => void) {
    this.add(strToU8('['));
  }

  row(row: unknown): void {
    this.add(strToU8(this.first ? JSON.stringify(row) : `,${JSON.stringify(row)}`));
    this.first = false;
  }

  end(): void {
    this.add(strToU8(']'));
    this.flush();
  }

  private add(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= PIECE) this.flush();
  }

  private flush(): void {
    if (this.size === 0) return;
    const joined = this.parts.length === 1 ? this.parts[0]! : new Uint8Array(this.size);
    if (this.parts.length > 1) {
      let at = 0;
      for (const p of this.parts) {
        joined.set(p, at);
        at += p.length;
      }
    }
    this.parts = [];
    this.size = 0;
    this.out(joined);
  }
}

/** Why the bytes are not a JSON array: `syntax` when they are not JSON, `shape` when they are JSON but not an array. */
export class JsonRowsError extends Error {
  constructor(readonly kind: 'syntax' | 'shape') {
    super(kind);
  }
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPENERS = new Set([OPEN_ARRAY, 0x7b]);
const CLOSERS = new Set([CLOSE_ARRAY, 0x7d]);
/** First bytes of a JSON value other than an array: a file holding one is JSON, just not a table. */
const OTHER_VALUE = new Set([0x7b, QUOTE, 0x2d, 0x74, 0x66, 0x6e, ...Array.from({ length: 10 }, (_, i) => 0x30 + i)]);

/**
 * Reads a JSON array from its UTF-8 bytes in pieces of any size and hands on each element as it
 * ends, parsed. Multi-byte UTF-8 never contains an ASCII byte, so brackets, quotes and commas are
 * found byte by byte; each element is then decoded and parsed on its own.
 */
export class JsonRowsReader {
  private state: 'start' | 'elements' | 'done' = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private rows = 0;
  private pieces: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly onRow: (row: unknown) => void) {}

  push(bytes: Uint8Array): void {
    let from = this.state === 'elements' ? 0 : -1;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.state === 'elements') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (b === BACKSLASH) this.escaped = true;
          else if (b === QUOTE) this.inString = false;
        } else if (b === QUOTE) this.inString = true;
        else if (OPENERS.has(b)) this.depth++;
        else if (this.depth > 0 && CLOSERS.has(b)) this.depth--;
        else if (this.depth === 0 && (b === COMMA || b === CLOSE_ARRAY)) {
          this.pieces.push(bytes.subarray(from, i));
          this.element(b === CLOSE_ARRAY);
          from = i + 1;
          if (b === CLOSE_ARRAY) this.state = 'done';
        }
        continue;
      }
      if (SPACE.has(b)) continue;
      if (this.state === 'start' && b === OPEN_ARRAY) {
        this.state = 'elements';
        from = i + 1;
        continue;
      }
      throw new JsonRowsError(this.state === 'start' && OTHER_VALUE.has(b) ? 'shape' : 'syntax');
    }
    if (this.state === 'elements' && from < bytes.length) this.pieces.push(bytes.subarray(from));
  }

  /** The array must be closed, with nothing after it but white space. */
  end(): void {
    if (this.state !== 'done') throw new JsonRowsError('syntax');
  }

  private element(last: boolean): void {
    const text = this.text();
    if (text === '') {
      // Only `[]` has no element; `[1,]` and `[,1]` are not JSON.
      if (last && this.rows === 0) return;
      throw new JsonRowsError('syntax');
    }
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new JsonRowsError('syntax');
    }
    this.rows++;
    this.onRow(row);
  }

  private text(): string {
    const pieces = this.pieces;
    this.pieces = [];
    let length = 0;
    for (const p of pieces) length += p.length;
    let bytes = pieces[0] ?? new Uint8Array(0);
    if (pieces.length > 1) {
      bytes = new Uint8Array(length);
      let at = 0;
      for (const p of pieces) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    try {
      return this.decoder.decode(bytes).trim();
    } catch {
      throw new JsonRowsError('syntax');
    }
  }
}
