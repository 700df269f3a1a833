import { buffer, deriveBackupKey, randomBytes } from '../../backup/backup-key';
import { fromBase64, toBase64 } from '../../backup/encrypted-header';
import { PROTOCOL_VERSION } from '../protocol';
import { enrolmentBodySchema } from './body-schemas';
import type { EnrolmentBody } from './format';
import { openFrame, readFrame, sealFrame } from './frame';
import { PackageError, UNCHANGED } from './package-error';

/** The passcode is typed by a person, once; the derivation makes guessing it from a found file slow. */
const ITERATIONS = 200_000;

const normalisePasscode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * An offline enrolment: the device's token and package key, sealed under a key derived from a
 * one-time passcode the upper union hands over separately (read out, or on paper), so the file
 * alone on a lost stick enrols nobody.
 */
export async function writeEnrolmentFile(
  body: Omit<EnrolmentBody, 'v'>,
  passcode: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<Uint8Array> {
  const salt = randomBytes(16);
  const iterations = options.iterations ?? ITERATIONS;
  const { key } = await deriveBackupKey(normalisePasscode(passcode), salt, iterations);
  return sealFrame(
    key,
    {
      kind: 'enrolment',
      unionCode: body.unionCode,
      enrolmentId: body.enrolmentId,
      seq: 0,
      createdAt: (options.now ?? new Date()).toISOString(),
      kdf: { salt: toBase64(salt), iterations },
    },
    { v: PROTOCOL_VERSION, ...body },
  );
}

export async function readEnrolmentFile(bytes: Uint8Array, passcode: string): Promise<EnrolmentBody> {
  const frame = readFrame(bytes, 'enrolment');
  const kdf = frame.header.kdf;
  if (
    !kdf ||
    typeof kdf.salt !== 'string' ||
    !Number.isSafeInteger(kdf.iterations) ||
    kdf.iterations < 1000 ||
    kdf.iterations > 10_000_000
  ) {
    throw new PackageError('tampered', `注册文件已损坏：文件头内容不完整，${UNCHANGED}`);
  }
  if (!normalisePasscode(passcode)) throw new PackageError('passcode', `请填写注册文件口令，${UNCHANGED}`);
  const { key } = await deriveBackupKey(normalisePasscode(passcode), buffer(fromBase64(kdf.salt)), kdf.iterations);
  let opened: unknown;
  try {
    opened = await openFrame(frame, key);
  } catch (error) {
    if (error instanceof PackageError && error.code === 'tampered') {
      throw new PackageError('passcode', `注册文件口令不正确，或文件已被改动，${UNCHANGED}请核对上级工会提供的口令。`);
    }
    throw error;
  }
  const body = enrolmentBodySchema.safeParse(opened);
  if (!body.success || body.data.unionCode !== frame.header.unionCode)
    throw new PackageError('invalid', `注册文件内容不合法，${UNCHANGED}`);
  return body.data;
}
