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

describe('a sync request body', () => {
  it('is the plain JSON text for small bodies', async () => {
    const body = { v: 3, cursor: 12, pullLimit: 500, notices: [], changes: [change(1), change(2)] };
    expect(await requestBody(body)).toBe(JSON.stringify(body));
    expect(await requestBody({ v: 3, unionCode: 'A1' })).toBe('{"v":3,"unionCode":"A1"}');
  });

  it('encodes a large push a slice at a time into JSON equal to the whole body', async () => {
    const body = { v: 3, changes: Array.from({ length: 1234 }, (_, i) => change(i)), cursor: 7, pullLimit: 0, notices: [] };
    let pauses = 0;
    const encoded = await requestBody(body, async () => {
      pauses++;
    });
    expect(encoded).toBeInstanceOf(Blob);
    const blob = encoded as Blob;
    expect(blob.type).toBe('application/json');
    const text = await blob.text();
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(body)));
    // The same bytes as one JSON.stringify, only with the changes last.
    const { changes, ...rest } = body;
    expect(text).toBe(JSON.stringify({ ...rest, changes }));
    // A turn for the window after every slice of 200 changes.
    expect(pauses).toBe(Math.ceil(1234 / 200));
  });

  it('encodes a body that holds nothing but changes', async () => {
    const changes = Array.from({ length: 450 }, (_, i) => change(i));
    const text = await ((await requestBody({ changes }, async () => {})) as Blob).text();
    expect(text).toBe(JSON.stringify({ changes }));
  });
});
