import { Inflate, strFromU8 } from 'fflate';

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

/** Inflation proceeds in compressed steps this big; one step of a degenerate stream can expand about a thousandfold. */
const STEP = 64 * 1024;

export class ContainerError extends Error {
  override readonly name = 'ContainerError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Every entry of the directory; `capOf` gives the most an entry of that name may declare. */
export function listEntries(bytes: Uint8Array, capOf: (name: string) => number): Map<string, ContainerEntry> {
  const eocd = findEndOfDirectory(bytes);
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ContainerError('不支持 ZIP64 格式');
  if (dirOffset + dirSize > eocd) throw new ContainerError('目录位置不正确');
  const entries = new Map<string, ContainerEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    need(bytes, p, 46, dirOffset + dirSize);
    if (u32(bytes, p) !== CENTRAL) throw new ContainerError('目录记录损坏');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const next = p + 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    need(bytes, p, next - p, dirOffset + dirSize);
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLength));
    const localOffset = u32(bytes, p + 42);
    p = next;
    if (flags & 1) throw new ContainerError(`条目 ${name} 已加密`);
    if (method !== 0 && method !== 8) throw new ContainerError(`条目 ${name} 的压缩方式不受支持`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new ContainerError('不支持 ZIP64 格式');
    if (method === 0 && compressedSize !== size) throw new ContainerError(`条目 ${name} 的大小不一致`);
    if (entries.has(name)) throw new ContainerError(`条目 ${name} 重复出现`);
    if (size > capOf(name)) throw new ContainerError(`条目 ${name} 解压后有 ${megabytes(size)}，超过上限`);
    need(bytes, localOffset, 30, dirOffset);
    if (u32(bytes, localOffset) !== LOCAL) throw new ContainerError(`条目 ${name} 的位置不正确`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    need(bytes, dataOffset, compressedSize, dirOffset);
    entries.set(name, { name, method, compressedSize, size, localOffset, dataOffset });
  }
  checkTotals(bytes.length, [...entries.values()]);
  return entries;
}

/** Entries may not share bytes (the trick that multiplies one small stream), and together may not declare too much. */
function checkTotals(fileLength: number, entries: ContainerEntry[]): void {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  const allowed = Math.min(CONTAINER_LIMITS.total, Math.max(CONTAINER_LIMITS.ratioFloor, CONTAINER_LIMITS.ratio * fileLength));
  if (declared > allowed) throw new ContainerError(`解压后的总大小（${megabytes(declared)}）超出合理范围`);
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as ContainerEntry;
    if ((sorted[i] as ContainerEntry).localOffset < before.dataOffset + before.compressedSize) throw new ContainerError('条目相互重叠');
  }
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The entry's bytes, refused when more (or fewer) come out than the directory declared or than `limit` allows. */
export function readEntry(bytes: Uint8Array, entry: ContainerEntry, limit: number): Uint8Array {
  if (entry.size > limit) throw new ContainerError(`条目 ${entry.name} 过大（${megabytes(entry.size)}）`);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data.slice();
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) throw new ContainerError(`条目 ${entry.name} 的实际大小超过声明`);
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    }
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    throw new ContainerError(`条目 ${entry.name} 无法解压`);
  }
  if (written !== entry.size) throw new ContainerError(`条目 ${entry.name} 的实际大小与声明不符`);
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
