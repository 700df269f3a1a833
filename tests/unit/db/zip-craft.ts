import { Deflate } from 'fflate';

/**
 * Builds hostile ZIP files for the reader tests without holding their inflated size in memory: a
 * deflate stream of zeros is one compressed megabyte-block repeated, and entries are appended to an
 * existing archive by rewriting its central directory.
 */
const MB = 1024 * 1024;

/** A valid raw deflate stream that inflates to `megabytes` MB of zeros (about a thousandfold smaller). */
export function zeroDeflate(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const zero = new Uint8Array(MB);
  deflate.push(zero);
  deflate.flush(true);
  const first = concat(parts.splice(0));
  // The second block only refers back into zeros, so it inflates to one more megabyte wherever it sits.
  deflate.push(zero);
  deflate.flush(true);
  const repeated = concat(parts.splice(0));
  deflate.push(new Uint8Array(0), true);
  const last = concat(parts.splice(0));
  return concat([first, ...Array.from({ length: megabytes - 1 }, () => repeated), last]);
}

/** CRC-32 of `megabytes` MB of zeros. The register update for a zero byte is linear, so one megabyte of it is a 32×32 bit matrix applied per megabyte. */
export function crc32OfZeros(megabytes: number): number {
  const step = (state: number) => {
    let crc = state;
    for (let i = 0; i < MB; i++) crc = (CRC_TABLE[crc & 0xff] as number) ^ (crc >>> 8);
    return crc >>> 0;
  };
  const columns = Array.from({ length: 32 }, (_, bit) => step((1 << bit) >>> 0));
  let crc = 0xffffffff;
  for (let m = 0; m < megabytes; m++) {
    let next = 0;
    for (let bit = 0; bit < 32; bit++) if ((crc >>> bit) & 1) next ^= columns[bit] as number;
    crc = next >>> 0;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  compressed: Uint8Array;
  size: number;
  crc: number;
}

/** The archive with more entries after its own, as another tool could have written them. */
export function appendEntries(zip: Uint8Array, extra: RawEntry[]): Uint8Array {
  const eocd = findEocd(zip);
  const count = u16(zip, eocd + 10);
  const dirSize = u32(zip, eocd + 12);
  const dirOffset = u32(zip, eocd + 16);
  const locals: Uint8Array[] = [zip.subarray(0, dirOffset)];
  const centrals: Uint8Array[] = [zip.subarray(dirOffset, dirOffset + dirSize)];
  let offset = dirOffset;
  for (const e of extra) {
    const name = new TextEncoder().encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.compressed.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.compressed.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.compressed);
    centrals.push(central);
    offset += local.length + e.compressed.length;
  }
  const newDirSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count + extra.length, true);
  ev.setUint16(10, count + extra.length, true);
  ev.setUint32(12, newDirSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/** Rewrites the uncompressed size an entry declares, in its local header and in the central directory. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const eocd = findEocd(out);
  let p = u32(out, eocd + 16);
  for (let i = 0; i < u16(out, eocd + 10); i++) {
    const nameLength = u16(out, p + 28);
    const entryName = new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLength));
    if (entryName === name) {
      view.setUint32(p + 24, size, true);
      view.setUint32(u32(out, p + 42) + 22, size, true);
      return out;
    }
    p += 46 + nameLength + u16(out, p + 30) + u16(out, p + 32);
  }
  throw new Error(`no entry ${name}`);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function findEocd(b: Uint8Array): number {
  for (let e = b.length - 22; e >= 0; e--) if (u32(b, e) === 0x06054b50) return e;
  throw new Error('not a zip');
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Points an entry's central-directory record at another entry's local header, so the two share bytes. */
export function pointAt(zip: Uint8Array, name: string, target: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const records = new Map<string, number>();
  const eocd = findEocd(out);
  let p = u32(out, eocd + 16);
  for (let i = 0; i < u16(out, eocd + 10); i++) {
    const nameLength = u16(out, p + 28);
    records.set(new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLength)), p);
    p += 46 + nameLength + u16(out, p + 30) + u16(out, p + 32);
  }
  const from = records.get(name);
  const to = records.get(target);
  if (from === undefined || to === undefined) throw new Error('no such entry');
  for (const field of [16, 20, 24]) view.setUint32(from + field, u32(out, to + field), true);
  view.setUint32(from + 42, u32(out, to + 42), true);
  return out;
}
