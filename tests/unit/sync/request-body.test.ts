import { describe, expect, it } from 'vitest';
import { requestBody } from '../../../renderer/src/features/sync/request-body';

const change = (i: number) => ({
  changeId: `dev-boot:members:${i}:hlc`,
  table: 'members',
  rowId: `m${String(i).padStart(5, '0')}`,
  hlc: `2026-12-01T08:00:00.000Z-${i}`,
  // Chinese, quotes, backslashes, control characters and a lone surrogate: what JSON must escape.
  fields: { name: `张"三\\${i}\n\t`, note: i % 7 === 0 ? '\ud800' : '工会', photo: i % 50 === 0 ? 'QUJD'.repeat(2000) : null, n: i },
});

const encode = async (body: unknown) => {
  let pauses = 0;
  const encoded = await requestBody(body, async () => {
    pauses++;
  });
  return { encoded, pauses };
};

describe('a sync request body', () => {
  it('is the plain JSON text when it pushes nothing', async () => {
    const pull = { v: 3, cursor: 12, pullLimit: 500, notices: [], changes: [] };
    expect(await requestBody(pull)).toBe(JSON.stringify(pull));
    expect(await requestBody({ v: 3, unionCode: 'A1' })).toBe('{"v":3,"unionCode":"A1"}');
  });

  it('encodes a push a few hundred kilobytes at a time into JSON equal to the whole body', async () => {
    const body = { v: 3, changes: Array.from({ length: 4000 }, (_, i) => change(i)), cursor: 7, pullLimit: 0, notices: [] };
    const { encoded, pauses } = await encode(body);
    expect(encoded).toBeInstanceOf(Blob);
    const blob = encoded as Blob;
    expect(blob.type).toBe('application/json');
    const text = await blob.text();
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(body)));
    // The same bytes as one JSON.stringify, only with the changes last.
    const { changes, ...rest } = body;
    expect(text).toBe(JSON.stringify({ ...rest, changes }));
    // A turn for the window after every 256 K characters of changes.
    expect(pauses).toBe(Math.floor(JSON.stringify(changes).length / (256 * 1024)));
    expect(pauses).toBeGreaterThan(1);
  });

  it('gives the window a turn between large attachments, however few', async () => {
    const scans = Array.from({ length: 3 }, (_, i) => ({ ...change(i), table: 'attachments', fields: { data: 'A'.repeat(600_000 + i) } }));
    const { encoded, pauses } = await encode({ v: 3, changes: scans });
    expect(await (encoded as Blob).text()).toBe(JSON.stringify({ v: 3, changes: scans }));
    expect(pauses).toBe(3);
  });

  it('encodes a small push and one that holds nothing but changes', async () => {
    const small = { v: 3, cursor: 1, changes: [change(1), change(2)] };
    expect(await ((await encode(small)).encoded as Blob).text()).toBe(JSON.stringify(small));
    const changes = Array.from({ length: 450 }, (_, i) => change(i));
    expect(await ((await encode({ changes })).encoded as Blob).text()).toBe(JSON.stringify({ changes }));
  });
});
