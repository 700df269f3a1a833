import type { Handover } from '../../shared/model/records';

/**
 * A handover record as the outgoing computer writes it (张三 to 李四, 王五 supervising), still
 * pending: no checksum, not received, not revoked. Tests change what they are about.
 */
export function handoverRow(changes: Partial<Handover> = {}): Handover {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    updatedAt: '001700000000000-000000-old-pc',
    deviceId: 'old-pc',
    deleted: 0,
    date: '2025-12-20',
    from: '张三',
    to: '李四',
    supervisor: '王五',
    vouchers: '2025年 记-001～记-161（161 张）',
    cashFen: 123_456,
    bankFen: 9_876_543,
    checksum: '',
    fromDeviceId: 'old-pc',
    syncUnionCode: '',
    receivedAt: '',
    revokedAt: '',
    ...changes,
  };
}
