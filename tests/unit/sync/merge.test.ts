import { describe, expect, it } from 'vitest';
import { applyChange, latestClock, resolvePulledRow, type MergedRow } from '../../../shared/sync/merge';
import { base64ToBytes, bytesToBase64, decodeFields, encodeFields } from '../../../shared/sync/wire';

const stamp = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-000000-${node}`;

describe('per-field merge', () => {
  const changes = [
    { hlc: stamp(1, 'a'), fields: { name: '甲', phone: '1' } },
    { hlc: stamp(2, 'b'), fields: { phone: '2' } },
    { hlc: stamp(3, 'a'), fields: { name: '乙' } },
    { hlc: stamp(2, 'c'), fields: { note: 'x', phone: '3' } },
  ];

  it('gives the same row whatever the order and however often a change is applied', () => {
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1, 1, 0],
    ];
    const rows = orders.map((order) => {
      const row: MergedRow = { data: {}, clocks: {} };
      for (const i of order) applyChange(row, changes[i]!);
      return row;
    });
    for (const row of rows) expect(row).toEqual(rows[0]);
    expect(rows[0]!.data).toEqual({ name: '乙', phone: '3', note: 'x' });
    expect(latestClock(rows[0]!.clocks)).toBe(stamp(3, 'a'));
  });

  it('keeps a pending local write that is newer than the pulled field, and drops an older one', () => {
    const remote = { data: { name: '服务器', phone: '9' }, clocks: { name: stamp(5, 's'), phone: stamp(5, 's') } };
    const merged = resolvePulledRow(remote, [
      { hlc: stamp(6, 'me'), fields: { name: '本机' } },
      { hlc: stamp(4, 'me'), fields: { phone: '0' } },
    ]);
    expect(merged.data).toEqual({ name: '本机', phone: '9' });
    expect(merged.updatedAt).toBe(stamp(6, 'me'));
  });
});

describe('bytes on the wire', () => {
  it('round-trips every length and matches Node’s base64', () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 0xff);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
  });

  it('boxes Uint8Array fields and leaves other values alone', () => {
    const fields = { data: new Uint8Array([1, 2, 3]), name: 'a.jpg', size: 3 };
    const wire = encodeFields(fields);
    expect(wire.data).toEqual({ $bytes: 'AQID' });
    expect(decodeFields(JSON.parse(JSON.stringify(wire)) as Record<string, unknown>)).toEqual(fields);
  });
});
