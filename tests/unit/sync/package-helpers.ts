import type { Database } from '../../../server/sync/db';
import { enrolOffline } from '../../../server/sync/store/packages';
import { createUnion } from '../../../server/sync/store/unions';
import type { PackageCredentials } from '../../../shared/sync/package/format';
import { readReplyPackage } from '../../../shared/sync/package/reply-package';
import { writePushPackage } from '../../../shared/sync/package/push-package';
import type { SubmissionRequest } from '../../../shared/sync/protocol';
import { TestDevice } from './harness';

/**
 * A device enrolled by file that never reaches the server: it exports its outbox as numbered
 * packages and applies replies, with the same shared functions the app and the CLI call.
 */
export class PackageDevice extends TestDevice {
  seq = 0;
  lastReplySeq = 0;

  constructor(
    deviceId: string,
    token: string,
    readonly credentials: PackageCredentials,
  ) {
    super(deviceId, token);
  }

  exportPackage(submission: SubmissionRequest | null = null): Promise<Uint8Array> {
    return writePushPackage({ credentials: this.credentials, seq: ++this.seq, changes: this.pending(), cursor: this.cursor, submission });
  }

  async importReply(bytes: Uint8Array): Promise<void> {
    const { header, body } = await readReplyPackage(bytes, this.credentials, this.lastReplySeq);
    this.apply({ ...body, more: false, serverTime: body.serverTime });
    this.lastReplySeq = header.seq;
  }
}

export async function offlineUnion(db: Database, code: string): Promise<{ unionId: string; device: PackageDevice }> {
  const { union } = await createUnion(db, code, `${code} 工会`);
  const e = await enrolOffline(db, union.id);
  const device = new PackageDevice(`${code.toLowerCase()}pkg`, e.token, {
    unionCode: code,
    enrolmentId: e.enrolmentId,
    packageKey: e.packageKey,
  });
  return { unionId: union.id, device };
}
