import { strFromU8, strToU8 } from 'fflate';
import { buffer, randomBytes } from '../../backup/backup-key';
import { fromBase64, TAG_BYTES, toBase64 } from '../../backup/encrypted-header';
import { KIND_LABEL, PACKAGE_FORMAT, PACKAGE_VERSION, type PackageHeader, type PackageKind } from './format';
import { PackageError, UNCHANGED } from './package-error';

export const PACKAGE_MAGIC = strToU8('UBSYNCPK');
const MAX_HEADER_BYTES = 4096;
const IV_BYTES = 12;

/** A package key (32 bytes, base64) as an AES-GCM key. */
export async function importPackageKey(packageKey: string): Promise<CryptoKey> {
  const raw = fromBase64(packageKey);
  if (raw.length !== 32) throw new PackageError('invalid', `报送包密钥无效，${UNCHANGED}`);
  return globalThis.crypto.subtle.importKey('raw', buffer(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export function newPackageKey(): string {
  return toBase64(randomBytes(32));
}

/** Magic, 4-byte big-endian length, header JSON, then the sealed body; the first three are the body's additional data. */
export async function sealFrame(
  key: CryptoKey,
  header: Omit<PackageHeader, 'format' | 'version' | 'iv'>,
  body: unknown,
): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const json = strToU8(JSON.stringify({ format: PACKAGE_FORMAT, version: PACKAGE_VERSION, ...header, iv: toBase64(iv) }));
  const head = new Uint8Array(PACKAGE_MAGIC.length + 4 + json.length);
  head.set(PACKAGE_MAGIC, 0);
  new DataView(head.buffer).setUint32(PACKAGE_MAGIC.length, json.length);
  head.set(json, PACKAGE_MAGIC.length + 4);
  const plain = buffer(strToU8(JSON.stringify(body)));
  const sealed = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: head }, key, plain));
  const out = new Uint8Array(head.length + sealed.length);
  out.set(head, 0);
  out.set(sealed, head.length);
  return out;
}

export interface Frame {
  header: PackageHeader;
  head: Uint8Array<ArrayBuffer>;
  sealed: Uint8Array<ArrayBuffer>;
}

function isHeader(h: unknown): h is PackageHeader {
  if (typeof h !== 'object' || h === null) return false;
  const x = h as Record<string, unknown>;
  return (
    x.format === PACKAGE_FORMAT &&
    typeof x.version === 'number' &&
    (x.kind === 'push' || x.kind === 'reply' || x.kind === 'enrolment') &&
    typeof x.unionCode === 'string' &&
    typeof x.enrolmentId === 'string' &&
    Number.isSafeInteger(x.seq) &&
    (x.seq as number) >= 0 &&
    typeof x.createdAt === 'string' &&
    typeof x.iv === 'string'
  );
}

/** Reads the plain header of a file expected to be `kind`; the body stays sealed. */
export function readFrame(bytes: Uint8Array, kind: PackageKind): Frame {
  const label = KIND_LABEL[kind];
  const start = PACKAGE_MAGIC.length + 4;
  const magicSeen = Math.min(bytes.length, PACKAGE_MAGIC.length);
  if (bytes.length === 0 || !PACKAGE_MAGIC.subarray(0, magicSeen).every((b, i) => bytes[i] === b)) {
    throw new PackageError('not-a-package', `这不是${label}文件（文件开头不对），${UNCHANGED}`);
  }
  if (bytes.length < start) throw new PackageError('truncated', `${label}不完整：文件被截断，${UNCHANGED}`);
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(PACKAGE_MAGIC.length);
  if (length > MAX_HEADER_BYTES) throw new PackageError('tampered', `${label}已损坏：文件头长度不合理，${UNCHANGED}`);
  if (bytes.length < start + length + TAG_BYTES) throw new PackageError('truncated', `${label}不完整：文件被截断，${UNCHANGED}`);
  let header: unknown;
  try {
    header = JSON.parse(strFromU8(bytes.subarray(start, start + length)));
  } catch {
    throw new PackageError('tampered', `${label}已损坏：文件头无法读取，${UNCHANGED}`);
  }
  if (!isHeader(header)) throw new PackageError('tampered', `${label}已损坏：文件头内容不完整，${UNCHANGED}`);
  if (header.version > PACKAGE_VERSION) {
    throw new PackageError('invalid', `${label}由较新版本生成（格式版本 ${header.version}），请先升级本程序，${UNCHANGED}`);
  }
  if (header.kind !== kind) {
    throw new PackageError('wrong-kind', `这是${KIND_LABEL[header.kind]}，不是${label}，${UNCHANGED}`);
  }
  return { header, head: bytes.slice(0, start + length), sealed: bytes.slice(start + length) };
}

/** Opens the body; a changed byte anywhere, header included, or a cut-short file fails the tag check. */
export async function openFrame(frame: Frame, key: CryptoKey): Promise<unknown> {
  const label = KIND_LABEL[frame.header.kind];
  let plain: Uint8Array;
  try {
    const iv = buffer(fromBase64(frame.header.iv));
    plain = new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: frame.head }, key, frame.sealed));
  } catch {
    throw new PackageError('tampered', `${label}校验失败：文件已被改动、不完整，或不是发给本设备的，${UNCHANGED}`);
  }
  try {
    return JSON.parse(strFromU8(plain));
  } catch {
    throw new PackageError('invalid', `${label}内容无法读取，${UNCHANGED}`);
  }
}
