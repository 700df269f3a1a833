import { CHECK_BYTES } from './encrypted-header';

/**
 * The key of a password-protected book file: PBKDF2-SHA-256 over the password (Unicode NFC, so the
 * same password typed on another system derives the same key) and the file's salt. Beside the
 * 256-bit AES key come `CHECK_BYTES` more derived bits, recorded in the header, which tell a wrong
 * password from a damaged file without decrypting anything; they cost an attacker the same
 * derivation as trying the key itself.
 */
export interface BackupKey {
  key: CryptoKey;
  check: Uint8Array;
}

export async function deriveBackupKey(password: string, salt: Uint8Array, iterations: number): Promise<BackupKey> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations }, base, (32 + CHECK_BYTES) * 8),
  );
  const key = await subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { key, check: bits.slice(32) };
}

/** 7 random bytes, the chunk index (big-endian) and 1 for the last chunk: a reordered or cut-short file fails to decrypt. */
export function chunkNonce(prefix: Uint8Array, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(12);
  nonce.set(prefix, 0);
  new DataView(nonce.buffer).setUint32(prefix.length, index);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

/** WebCrypto takes only bytes over a plain ArrayBuffer. */
export function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
