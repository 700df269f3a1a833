import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../../shared/backup/sha256';

/** Deterministic bytes, so a failure can be reproduced. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) out[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('SHA-256 fed in pieces', () => {
  // Lengths around the 55/56/64-byte padding boundaries and a few blocks past them.
  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
    it(`agrees with node:crypto for ${n} bytes, whole and in uneven pieces`, () => {
      const data = bytes(n, n + 1);
      const expected = createHash('sha256').update(data).digest('hex');
      expect(new Sha256().update(data).hex()).toBe(expected);
      const pieces = new Sha256();
      for (let at = 0, k = 1; at < n; at += k, k = (k * 7) % 97 || 1) pieces.update(data.subarray(at, at + k));
      expect(pieces.hex()).toBe(expected);
    });
  }
});
