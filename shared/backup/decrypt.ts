import { BackupError, BackupPasswordError } from './backup-error';
import { buffer, chunkNonce, deriveBackupKey, sameBytes } from './backup-key';
import type { ByteSource } from './byte-source';
import { ENCRYPTED_MAGIC, fromBase64, hasEncryptedMagic, headerJsonLength, parseHeader, TAG_BYTES } from './encrypted-header';

const UNCHANGED = '未做任何更改。';
/** Decrypted chunks kept for reads that come back to them (the ZIP directory, then entries in turn). */
const CACHED_CHUNKS = 4;

/** Whether the file is a password-protected book file (it starts with the magic). */
export async function isEncryptedBackup(source: ByteSource): Promise<boolean> {
  return hasEncryptedMagic(await source.read(0, ENCRYPTED_MAGIC.length));
}

/**
 * Opens a password-protected book file as the plain book file it holds, read by position like any
 * other. Before it returns, the password is checked (a wrong one is told apart from damage) and
 * every chunk is decrypted once and thrown away, so a file altered anywhere, cut short or with its
 * chunks reordered is refused as a whole before any of it is used. Only a few chunks are ever
 * held in memory.
 */
export async function openEncrypted(source: ByteSource, password: string): Promise<ByteSource> {
  const start = await source.read(0, ENCRYPTED_MAGIC.length + 4);
  const jsonLength = headerJsonLength(start);
  if (jsonLength === null) throw new BackupError(`备份文件已损坏：加密文件头无效，${UNCHANGED}`);
  const headerBytes = await source.read(0, start.length + jsonLength);
  if (headerBytes.length < start.length + jsonLength) throw new BackupError(`备份文件不完整：加密文件头被截断，${UNCHANGED}`);
  const parsed = parseHeader(headerBytes.subarray(start.length));
  if (!parsed.ok) throw new BackupError(`备份文件已损坏：${parsed.reason}，${UNCHANGED}`);
  const { header } = parsed;
  const { key, check } = await deriveBackupKey(password, fromBase64(header.kdf.salt), header.kdf.iterations);
  if (!sameBytes(check, fromBase64(header.check))) {
    throw new BackupPasswordError('wrong', `密码不正确，无法打开这个加密的备份文件，${UNCHANGED}请检查大小写和输入法后重试。`);
  }

  const additionalData = buffer(headerBytes.slice());
  const noncePrefix = fromBase64(header.noncePrefix);
  const bodyStart = headerBytes.length;
  const sealedSize = header.chunkSize + TAG_BYTES;
  const body = source.size - bodyStart;
  const chunks = Math.max(1, Math.ceil(body / sealedSize));
  const lastSealed = body - (chunks - 1) * sealedSize;
  if (lastSealed < TAG_BYTES) throw new BackupError(`备份文件不完整：加密数据被截断，${UNCHANGED}`);
  const size = (chunks - 1) * header.chunkSize + lastSealed - TAG_BYTES;

  const decryptChunk = async (index: number): Promise<Uint8Array> => {
    const final = index === chunks - 1;
    const sealed = await source.read(bodyStart + index * sealedSize, final ? lastSealed : sealedSize);
    try {
      const iv = chunkNonce(noncePrefix, index, final);
      return new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, buffer(sealed)));
    } catch {
      throw new BackupError(`备份文件已被改动或不完整：第 ${index + 1} 块加密数据校验失败，${UNCHANGED}`);
    }
  };
  for (let i = 0; i < chunks; i++) await decryptChunk(i);

  const cache = new Map<number, Uint8Array>();
  const chunk = async (index: number): Promise<Uint8Array> => {
    const hit = cache.get(index);
    if (hit) return hit;
    const plain = await decryptChunk(index);
    cache.set(index, plain);
    if (cache.size > CACHED_CHUNKS) cache.delete(cache.keys().next().value as number);
    return plain;
  };
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      for (let at = offset; at < end;) {
        const index = Math.floor(at / header.chunkSize);
        const within = at - index * header.chunkSize;
        const plain = await chunk(index);
        const n = Math.min(plain.length - within, end - at);
        out.set(plain.subarray(within, within + n), at - offset);
        at += n;
      }
      return out;
    },
  };
}

/**
 * The plain book file behind `source`: itself when it is not encrypted, else the decrypted file;
 * an encrypted file without a password is refused with `BackupPasswordError('missing')`.
 */
export async function unlockBackup(source: ByteSource, password: string | undefined): Promise<ByteSource> {
  if (!(await isEncryptedBackup(source))) return source;
  if (!password) throw new BackupPasswordError('missing', `这个备份文件设有密码，请输入密码后再打开，${UNCHANGED}`);
  return openEncrypted(source, password);
}
