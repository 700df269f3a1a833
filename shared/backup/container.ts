import { Inflate, strFromU8 } from 'fflate';
import type { ByteSource } from './byte-source';

/**
 * Reads the ZIP container of a book file without trusting it. The central directory is read first
 * and nothing is inflated until every entry's declared size is within its cap; an entry is then
 * inflated in small steps that count what comes out, so a deflate stream that lies about its size
 * is stopped a step past its cap instead of filling memory. Entries the caller does not ask for are
 * never inflated at all.
 */
export interface ContainerEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the directory declares. */
  size: number;
  localOffset: number;
  /** Where the compressed bytes start, read from the local header. */
  dataOffset: number;
}

/** Caps on declared and actual sizes, in bytes. Tables are bounded by the longest string JavaScript can hold anyway. */
export const CONTAINER_LIMITS = {
  manifest: 16 * 1024 * 1024,
  table: 512 * 1024 * 1024,
  attachment: 64 * 1024 * 1024,
  /** All entries together, as declared. */
  total: 2 * 1024 * 1024 * 1024,
  /** No book written by the app declares more than this many times its own size (JSON compresses about tenfold). */
  ratio: 200,
  /** Below this the ratio is not applied: a tiny book may compress better than any real one. */
  ratioFloor: 64 * 1024 * 1024,
} as const;

/**
 * Inflation proceeds in compressed steps this big; one step of a degenerate stream can expand about
 * a thousandfold, and one of a table's JSON about fifteenfold, all of it hashed and parsed before
 * the reader can pause: small steps keep that well under 100 ms.
 */
const STEP = 16 * 1024;
/** Compressed bytes read from the source at once. */
const READ_STEP = 1024 * 1024;

export class ContainerError extends Error {
  override readonly name = 'ContainerError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Every entry of the directory; `capOf` gives the most an entry of that name may declare. */
export async function listEntries(source: ByteSource, capOf: (name: string) => number): Promise<Map<string, ContainerEntry>> {
  const tailStart = Math.max(0, source.size - 22 - 0xffff);
  const tail = await source.read(tailStart, source.size - tailStart);
  const eocd = findEndOfDirectory(tail);
  const count = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ContainerError('不支持 ZIP64 格式');
  const dirEnd = tailStart + eocd;
  if (dirOffset + dirSize > dirEnd) throw new ContainerError('目录位置不正确');
  const dir = await source.read(dirOffset, dirSize);
  const entries = new Map<string, ContainerEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    need(dir, p, 46, dirSize);
    if (u32(dir, p) !== CENTRAL) throw new ContainerError('目录记录损坏');
    const flags = u16(dir, p + 8);
    const method = u16(dir, p + 10);
    const compressedSize = u32(dir, p + 20);
    const size = u32(dir, p + 24);
    const nameLength = u16(dir, p + 28);
    const next = p + 46 + nameLength + u16(dir, p + 30) + u16(dir, p + 32);
    need(dir, p, next - p, dirSize);
    const name = strFromU8(dir.subarray(p + 46, p + 46 + nameLength));
    const localOffset = u32(dir, p + 42);
    p = next;
    if (flags & 1) throw new ContainerError(`条目 ${name} 已加密`);
    if (method !== 0 && method !== 8) throw new ContainerError(`条目 ${name} 的压缩方式不受支持`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new ContainerError('不支持 ZIP64 格式');
    if (method === 0 && compressedSize !== size) throw new ContainerError(`条目 ${name} 的大小不一致`);
    if (entries.has(name)) throw new ContainerError(`条目 ${name} 重复出现`);
    if (size > capOf(name)) throw new ContainerError(`条目 ${name} 解压后有 ${megabytes(size)}，超过上限`);
    entries.set(name, { name, method, compressedSize, size, localOffset, dataOffset: -1 });
  }
  checkTotals(source.size, [...entries.values()]);
  // Local headers only once the directory as a whole has passed: a hostile directory costs no reads.
  for (const entry of entries.values()) {
    if (entry.localOffset + 30 > dirOffset) throw new ContainerError('文件被截断或目录损坏');
    const local = await source.read(entry.localOffset, 30);
    need(local, 0, 30, 30);
    if (u32(local, 0) !== LOCAL) throw new ContainerError(`条目 ${entry.name} 的位置不正确`);
    entry.dataOffset = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
    if (entry.dataOffset + entry.compressedSize > dirOffset) throw new ContainerError('文件被截断或目录损坏');
  }
  checkOverlaps([...entries.values()]);
  return entries;
}

/** Together the entries may not declare too much for a file of this size. */
function checkTotals(fileLength: number, entries: ContainerEntry[]): void {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  const allowed = Math.min(CONTAINER_LIMITS.total, Math.max(CONTAINER_LIMITS.ratioFloor, CONTAINER_LIMITS.ratio * fileLength));
  if (declared > allowed) throw new ContainerError(`解压后的总大小（${megabytes(declared)}）超出合理范围`);
}

/** Entries may not share bytes: the trick that multiplies one small stream. */
function checkOverlaps(entries: ContainerEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as ContainerEntry;
    if ((sorted[i] as ContainerEntry).localOffset < before.dataOffset + before.compressedSize) throw new ContainerError('条目相互重叠');
  }
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Hands on the entry's bytes in pieces as they are inflated, refused when more (or fewer) come out
 * than the directory declared or than `limit` allows. The compressed bytes are read a step at a time,
 * and a piece is handed on only once the one before it is taken (`onData` may be async): a slow
 * consumer, a database written as the rows come, holds up the reading rather than piling up pieces.
 */
export async function streamEntry(
  source: ByteSource,
  entry: ContainerEntry,
  limit: number,
  onData: (piece: Uint8Array) => void | Promise<void>,
  pause?: () => Promise<void>,
): Promise<void> {
  if (entry.size > limit) throw new ContainerError(`条目 ${entry.name} 过大（${megabytes(entry.size)}）`);
  let written = 0;
  const take = async (piece: Uint8Array) => {
    if (written + piece.length > entry.size) throw new ContainerError(`条目 ${entry.name} 的实际大小超过声明`);
    written += piece.length;
    await onData(piece);
  };
  // What one step inflated: a step's worth at most, each piece counted as it comes out.
  let inflated: Uint8Array[] = [];
  let pending = 0;
  const inflater =
    entry.method === 0
      ? null
      : new Inflate((chunk) => {
          pending += chunk.length;
          if (written + pending > entry.size) throw new ContainerError(`条目 ${entry.name} 的实际大小超过声明`);
          inflated.push(chunk);
        });
  for (let at = 0; at < entry.compressedSize || at === 0; at += READ_STEP) {
    const data = await source.read(entry.dataOffset + at, Math.min(READ_STEP, entry.compressedSize - at));
    if (data.length !== Math.min(READ_STEP, entry.compressedSize - at)) throw new ContainerError('文件被截断或目录损坏');
    if (!inflater) {
      // A stored piece is handed on as a copy: the source may reuse its buffer.
      if (data.length > 0) await take(data.slice());
    } else {
      for (let step = 0; step < data.length || step === 0; step += STEP) {
        try {
          inflater.push(data.subarray(step, step + STEP), at + step + STEP >= entry.compressedSize);
        } catch (error) {
          if (error instanceof ContainerError) throw error;
          throw new ContainerError(`条目 ${entry.name} 无法解压`);
        }
        const pieces = inflated;
        inflated = [];
        pending = 0;
        for (const piece of pieces) await take(piece);
        // A step may expand tenfold and more: the window gets its turn after each, when one is due.
        if (pause) await pause();
      }
    }
    if (pause && !inflater) await pause();
  }
  if (written !== entry.size) throw new ContainerError(`条目 ${entry.name} 的实际大小与声明不符`);
}

/** The entry's bytes whole; for the small entries (the manifest) and for attachments, which are kept as bytes anyway. */
export async function readEntry(source: ByteSource, entry: ContainerEntry, limit: number): Promise<Uint8Array> {
  const out = new Uint8Array(Math.min(entry.size, limit));
  let at = 0;
  await streamEntry(source, entry, limit, (piece) => {
    out.set(piece, at);
    at += piece.length;
  });
  return out;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let e = bytes.length - 22; e >= lowest; e--) {
    if (u32(bytes, e) === EOCD) return e;
  }
  throw new ContainerError('不是 ZIP 文件');
}

function need(bytes: Uint8Array, offset: number, length: number, end: number): void {
  if (offset < 0 || length < 0 || offset + length > Math.min(end, bytes.length)) throw new ContainerError('文件被截断或目录损坏');
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}
