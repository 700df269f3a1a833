import { strFromU8, strToU8 } from 'fflate';

/**
 * The header of a password-protected book file (docs/backup-format.md, "Encrypted book files"):
 * a fixed magic, the length of the JSON that follows, and the JSON itself, which records everything
 * needed to derive the key and find the chunks. The whole header is the additional authenticated
 * data of every chunk, so changing any of it makes every chunk fail.
 */
export const ENCRYPTED_MAGIC = strToU8('UBKCRYPT');
export const ENCRYPTED_FORMAT = 'unionbooks-encrypted-backup';
export const ENCRYPTED_VERSION = 1;
/** AES-GCM tag appended to each chunk. */
export const TAG_BYTES = 16;
/** Random part of the nonce; the rest is the chunk index (4 bytes) and the final flag (1 byte). */
export const NONCE_PREFIX_BYTES = 7;
export const SALT_BYTES = 16;
/** Derived bits kept beside the key so a wrong password is told apart from a damaged file. */
export const CHECK_BYTES = 16;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; about half a second on an office PC. */
export const DEFAULT_ITERATIONS = 600_000;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/** What a reader accepts: enough to refuse a header that would take hours to derive or all of memory per chunk. */
export const LIMITS = {
  minIterations: 1_000,
  maxIterations: 10_000_000,
  minChunkSize: 64,
  maxChunkSize: 16 * 1024 * 1024,
  maxHeaderBytes: 4096,
} as const;

export interface EncryptedHeader {
  format: typeof ENCRYPTED_FORMAT;
  version: number;
  cipher: 'AES-256-GCM';
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  chunkSize: number;
  noncePrefix: string;
  check: string;
}

/** The bytes at the start of the file: magic, 4-byte big-endian length, JSON. */
export function encodeHeader(header: EncryptedHeader): Uint8Array {
  const json = strToU8(JSON.stringify(header));
  const out = new Uint8Array(ENCRYPTED_MAGIC.length + 4 + json.length);
  out.set(ENCRYPTED_MAGIC, 0);
  new DataView(out.buffer).setUint32(ENCRYPTED_MAGIC.length, json.length);
  out.set(json, ENCRYPTED_MAGIC.length + 4);
  return out;
}

export function hasEncryptedMagic(start: Uint8Array): boolean {
  return start.length >= ENCRYPTED_MAGIC.length && ENCRYPTED_MAGIC.every((b, i) => start[i] === b);
}

/** The JSON's length from the 12 bytes after the magic's start, or null when it cannot be a header. */
export function headerJsonLength(start: Uint8Array): number | null {
  if (start.length < ENCRYPTED_MAGIC.length + 4 || !hasEncryptedMagic(start)) return null;
  const n = new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(ENCRYPTED_MAGIC.length);
  return n > 0 && n <= LIMITS.maxHeaderBytes ? n : null;
}

/** The header checked field by field; the reason in Chinese when it is not usable. */
export function parseHeader(json: Uint8Array): { ok: true; header: EncryptedHeader } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, reason: '加密文件头无法读取' };
  }
  const h = value as Partial<EncryptedHeader> | null;
  if (typeof h !== 'object' || h === null || h.format !== ENCRYPTED_FORMAT) return { ok: false, reason: '加密文件头格式标识不符' };
  if (h.version !== ENCRYPTED_VERSION) return { ok: false, reason: `加密格式版本 ${String(h.version)} 不受支持，请先升级软件` };
  if (h.cipher !== 'AES-256-GCM') return { ok: false, reason: '不支持的加密算法' };
  const kdf = h.kdf;
  if (typeof kdf !== 'object' || kdf === null || kdf.name !== 'PBKDF2-SHA-256') return { ok: false, reason: '不支持的密钥派生算法' };
  if (!isWhole(kdf.iterations, LIMITS.minIterations, LIMITS.maxIterations)) return { ok: false, reason: '密钥派生的迭代次数无效' };
  if (!isBase64(kdf.salt, SALT_BYTES)) return { ok: false, reason: '密钥派生的盐值无效' };
  if (!isWhole(h.chunkSize, LIMITS.minChunkSize, LIMITS.maxChunkSize)) return { ok: false, reason: '分块大小无效' };
  if (!isBase64(h.noncePrefix, NONCE_PREFIX_BYTES)) return { ok: false, reason: '随机数前缀无效' };
  if (!isBase64(h.check, CHECK_BYTES)) return { ok: false, reason: '密码校验值无效' };
  return { ok: true, header: h as EncryptedHeader };
}

function isWhole(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function isBase64(s: unknown, bytes: number): s is string {
  return typeof s === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && fromBase64(s).length === bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(s: string): Uint8Array {
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}
