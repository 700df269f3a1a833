import { describe, expect, it } from 'vitest';
import { BLOB_STEP, blobInSteps } from '../../../renderer/src/platform/blob-in-steps';

const piece = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('saving a large file in the browser', () => {
  it('builds the Blob a few megabytes per task, with the window given its turn in between', async () => {
    const parts = Array.from({ length: 10 }, (_, i) => piece(BLOB_STEP / 4 + 7, i));
    let pauses = 0;
    const blob = await blobInSteps(parts, 'application/octet-stream', async () => void pauses++);
    const total = parts.reduce((sum, p) => sum + p.length, 0);
    expect(pauses).toBe(Math.floor(10 / 4));
    expect(blob.size).toBe(total);
    expect(blob.type).toBe('application/octet-stream');
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect(bytes.equals(Buffer.concat(parts))).toBe(true);
  });

  it('needs no pause for a small file', async () => {
    let pauses = 0;
    const blob = await blobInSteps([piece(10, 1), piece(5, 2)], 'text/plain', async () => void pauses++);
    expect(pauses).toBe(0);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
  });
});
