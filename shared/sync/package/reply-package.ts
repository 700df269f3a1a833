import { describeIssues } from '../schemas';
import { replyPackageBodySchema } from './body-schemas';
import type { PackageCredentials, PackageHeader, ReplyPackageBody } from './format';
import { importPackageKey, openFrame, readFrame, sealFrame } from './frame';
import { PackageError, UNCHANGED } from './package-error';

/** The server's answer to package `seq` of a device, sealed with the same device's key. */
export async function writeReplyPackage(
  credentials: PackageCredentials,
  seq: number,
  body: ReplyPackageBody,
  now = new Date(),
): Promise<Uint8Array> {
  return sealFrame(
    await importPackageKey(credentials.packageKey),
    { kind: 'reply', unionCode: credentials.unionCode, enrolmentId: credentials.enrolmentId, seq, createdAt: now.toISOString() },
    body,
  );
}

/**
 * Opens a reply on the device it was written for. `lastReplySeq` is the number of the last reply
 * the device applied: an older reply is refused (a later one already brought everything it holds);
 * the same one again is let through, applying it again changes nothing.
 */
export async function readReplyPackage(
  bytes: Uint8Array,
  credentials: PackageCredentials,
  lastReplySeq: number,
): Promise<{ header: PackageHeader; body: ReplyPackageBody }> {
  const frame = readFrame(bytes, 'reply');
  const { header } = frame;
  if (header.unionCode !== credentials.unionCode) {
    throw new PackageError(
      'other-union',
      `这个回执包属于工会 ${header.unionCode}，本设备注册的是工会 ${credentials.unionCode}，${UNCHANGED}`,
    );
  }
  if (header.enrolmentId !== credentials.enrolmentId) {
    throw new PackageError('other-device', `这个回执包是发给本工会另一台设备的，${UNCHANGED}`);
  }
  if (header.seq < lastReplySeq) {
    throw new PackageError('stale', `这是较早的回执包（第 ${header.seq} 号），本设备已导入第 ${lastReplySeq} 号回执包，${UNCHANGED}`);
  }
  const opened = replyPackageBodySchema.safeParse(await openFrame(frame, await importPackageKey(credentials.packageKey)));
  if (!opened.success) throw new PackageError('invalid', `回执包内容不合法：${describeIssues(opened.error)}，${UNCHANGED}`);
  return { header, body: opened.data };
}
