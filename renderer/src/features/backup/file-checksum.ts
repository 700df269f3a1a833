import { Sha256 } from '../../../../shared/backup/sha256';
import { turnEvery } from '../../platform/turns';

/** About 2 ms of hashing at full speed, 8 ms with the CPU slowed 4×. */
const SLICE_BYTES = 256 * 1024;

/**
 * The SHA-256 (hex) of a file given in the pieces it was written or read in, hashed a slice at a time
 * with the window's turn between slices (platform/turns.ts): a handover's file is the whole book, and
 * hashing a large one at once held the window for a second or more. `pause` is for tests.
 */
export async function fileChecksum(pieces: readonly Uint8Array[], pause: () => Promise<void> = turnEvery()): Promise<string> {
  const hash = new Sha256();
  for (const piece of pieces)
    for (let at = 0; at < piece.length; at += SLICE_BYTES) {
      hash.update(piece.subarray(at, at + SLICE_BYTES));
      await pause();
    }
  return hash.hex();
}
