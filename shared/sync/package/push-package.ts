import { PROTOCOL_VERSION, type SubmissionRequest, type WireChange } from '../protocol';
import { describeIssues } from '../schemas';
import { pushPackageBodySchema } from './body-schemas';
import type { PackageCredentials, PackageHeader, PushPackageBody } from './format';
import { importPackageKey, openFrame, readFrame, sealFrame } from './frame';
import { PackageError, UNCHANGED } from './package-error';

export interface PushPackageInput {
  credentials: PackageCredentials;
  /** One more than the last package this device exported. */
  seq: number;
  /** Every change the server has not acknowledged. */
  changes: WireChange[];
  cursor: number;
  submission?: SubmissionRequest | null;
  /** Notices whose attachment the device holds. */
  heldAttachments?: string[];
  now?: Date;
}

/** Writes a device's package: plain inputs in, the file's bytes out (the app and the CLI call the same). */
export async function writePushPackage(input: PushPackageInput): Promise<Uint8Array> {
  const { credentials } = input;
  const body: PushPackageBody = {
    v: PROTOCOL_VERSION,
    changes: input.changes,
    cursor: input.cursor,
    submission: input.submission ?? null,
    heldAttachments: input.heldAttachments ?? [],
  };
  return sealFrame(
    await importPackageKey(credentials.packageKey),
    {
      kind: 'push',
      unionCode: credentials.unionCode,
      enrolmentId: credentials.enrolmentId,
      seq: input.seq,
      createdAt: (input.now ?? new Date()).toISOString(),
    },
    body,
  );
}

/** The header of a device's package, read before its key is looked up (the key is the device's). */
export function peekPushPackage(bytes: Uint8Array): PackageHeader {
  return readFrame(bytes, 'push').header;
}

/**
 * Opens a device's package with the key the server keeps for `header.enrolmentId`. `expectedUnion`
 * is the union it is being imported as: a package of another union is refused before anything is read.
 */
export async function readPushPackage(
  bytes: Uint8Array,
  packageKey: string,
  expectedUnion: string,
): Promise<{ header: PackageHeader; body: PushPackageBody }> {
  const frame = readFrame(bytes, 'push');
  if (frame.header.unionCode !== expectedUnion) {
    throw new PackageError('other-union', `这个报送包属于工会 ${frame.header.unionCode}，不能作为工会 ${expectedUnion} 导入，${UNCHANGED}`);
  }
  const opened = pushPackageBodySchema.safeParse(await openFrame(frame, await importPackageKey(packageKey)));
  if (!opened.success) throw new PackageError('invalid', `报送包内容不合法：${describeIssues(opened.error)}，${UNCHANGED}`);
  return { header: frame.header, body: opened.data };
}
