import { BookError } from '../../../../shared/engine/errors';
import { markOldDeviceRevoked } from '../../../../shared/engine/ops/handover';
import type { BookStore } from '../../../../shared/engine/store';
import type { Handover } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import { readEnrolment } from '../backup/replace-book';
import { revokeHandedOver, SyncError } from '../sync/api';

/**
 * Where the incoming computer stands in taking over sync from the outgoing one:
 * nothing to do (the outgoing one was not enrolled, or is already revoked), enrol first, ask the
 * upper union (enrolled by file, no server to ask), or ready to revoke.
 */
export type DeviceSwapStep = 'none' | 'enrol' | 'other-union' | 'by-file' | 'revoke' | 'done';

export function deviceSwapStep(handover: Handover, enrolment: { serverUrl: string; unionCode: string } | null): DeviceSwapStep {
  if (!handover.syncUnionCode) return 'none';
  if (handover.revokedAt) return 'done';
  if (!enrolment) return 'enrol';
  if (enrolment.unionCode !== handover.syncUnionCode) return 'other-union';
  if (!enrolment.serverUrl) return 'by-file';
  return 'revoke';
}

/**
 * Has the sync server revoke the outgoing computer named in the handover, with this device's own
 * token (the handover file never carries the old one's), and records it on the handover. A device
 * the server had already revoked (by its admin) counts as done.
 */
export async function revokeOldDevice(db: UnionBooksDB, store: BookStore, handover: Handover, now = new Date()): Promise<string[]> {
  const enrolment = await readEnrolment(db);
  const step = deviceSwapStep(handover, enrolment);
  if (step === 'none') throw new BookError('移交的电脑没有注册同步，无需撤销');
  if (step === 'done') throw new BookError('旧电脑已经撤销');
  if (step === 'enrol') throw new BookError('本机还没有注册同步：请先在“同步”页用注册码或注册文件注册本机');
  if (step === 'other-union')
    throw new BookError(`本机注册的工会（${enrolment!.unionCode}）不是移交电脑同步的工会（${handover.syncUnionCode}），不能撤销`);
  if (step === 'by-file')
    throw new BookError(`本机通过注册文件注册，不直接连接服务器：请上级工会在管理后台撤销旧电脑（设备编号 ${handover.fromDeviceId}）`);
  let revoked: string[] = [];
  try {
    revoked = (await revokeHandedOver(enrolment!.serverUrl, enrolment!.token, { deviceId: handover.fromDeviceId, handoverId: handover.id }))
      .revoked;
  } catch (error) {
    if (!(error instanceof SyncError && error.code === 'already-revoked')) throw error;
  }
  await markOldDeviceRevoked(store, handover.id, now.toISOString());
  return revoked;
}
