import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileChecksum } from '../../../renderer/src/features/backup/file-checksum';

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

describe('the checksum of a handover file', () => {
  it('is the SHA-256 of the whole file, whatever pieces it comes in', async () => {
    const pieces = [bytes(700_000, 1), bytes(0, 2), bytes(1_300_001, 3), bytes(63, 4)];
    const whole = createHash('sha256');
    for (const p of pieces) whole.update(p);
    const expected = whole.digest('hex');
    expect(await fileChecksum(pieces, async () => undefined)).toBe(expected);
    const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) joined.set(p, (at += p.length) - p.length);
    expect(await fileChecksum([joined], async () => undefined)).toBe(expected);
  });

  it('gives the window its turn between slices, however large a piece is', async () => {
    // One 8 MiB piece, as a large attachment would be: hashed at once it held the window for its whole length.
    let pauses = 0;
    await fileChecksum([bytes(8 * 1024 * 1024, 5)], async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(32);
  });
});
