import { buffer, chunkNonce, deriveBackupKey, randomBytes } from './backup-key';
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_ITERATIONS,
  ENCRYPTED_FORMAT,
  ENCRYPTED_VERSION,
  encodeHeader,
  LIMITS,
  NONCE_PREFIX_BYTES,
  SALT_BYTES,
  toBase64,
} from './encrypted-header';
import type { BackupSink } from './write';

export interface EncryptOptions {
  /** PBKDF2 iterations; the default is for real files, tests may use fewer. */
  iterations?: number;
  chunkSize?: number;
}

/** Takes the plain book file piece by piece and gives the encrypted file to the sink, a chunk at a time. */
export interface EncryptingSink {
  write: BackupSink;
  /** Seals the last chunk; the file is complete once this resolves. */
  end: () => Promise<void>;
}

/**
 * Encrypts a book file as it is written: the plain bytes are cut into chunks of `chunkSize`, each
 * sealed with AES-256-GCM under its own nonce (index and final flag), with the header as
 * authenticated data. Only one chunk is held at a time, so the stream stays a stream. A chunk is
 * sealed only when more bytes follow it, so the last chunk — the one marked final — is known.
 */
export async function encryptingSink(password: string, sink: BackupSink, options: EncryptOptions = {}): Promise<EncryptingSink> {
  if (password === '') throw new Error('密码不能为空');
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (iterations < LIMITS.minIterations || iterations > LIMITS.maxIterations) throw new Error('迭代次数超出范围');
  if (chunkSize < LIMITS.minChunkSize || chunkSize > LIMITS.maxChunkSize) throw new Error('分块大小超出范围');
  const salt = randomBytes(SALT_BYTES);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const { key, check } = await deriveBackupKey(password, salt, iterations);
  const header = encodeHeader({
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    cipher: 'AES-256-GCM',
    kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) },
    chunkSize,
    noncePrefix: toBase64(noncePrefix),
    check: toBase64(check),
  });
  const additionalData = buffer(header);

  // Sealing is asynchronous; pieces are sealed and handed on strictly in order.
  let queue: Promise<void> = Promise.resolve().then(() => sink(header));
  const pending = new Uint8Array(chunkSize);
  let filled = 0;
  let index = 0;
  let ended = false;
  const seal = (final: boolean) => {
    const plain = pending.slice(0, filled);
    const iv = chunkNonce(noncePrefix, index++, final);
    filled = 0;
    queue = queue.then(async () => {
      const sealed = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain));
      await sink(sealed);
    });
  };

  return {
    write(piece) {
      if (ended) throw new Error('加密已结束');
      for (let at = 0; at < piece.length;) {
        if (filled === chunkSize) seal(false);
        const n = Math.min(chunkSize - filled, piece.length - at);
        pending.set(piece.subarray(at, at + n), filled);
        filled += n;
        at += n;
      }
      return queue;
    },
    end() {
      if (!ended) {
        ended = true;
        seal(true);
      }
      return queue;
    },
  };
}

/** A password and, for tests, the cost and chunk size. */
export interface BackupEncryption extends EncryptOptions {
  password: string;
}

/** Runs a writer into `sink`, through encryption when `encryption` is given. */
export async function writeMaybeEncrypted(
  encryption: BackupEncryption | undefined,
  sink: BackupSink,
  write: (sink: BackupSink) => Promise<void>,
): Promise<void> {
  if (!encryption) return write(sink);
  const sealed = await encryptingSink(encryption.password, sink, encryption);
  await write(sealed.write);
  await sealed.end();
}
