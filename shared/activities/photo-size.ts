/** Photos are stored at most this many pixels on the longer side: enough for a printed report, small in a backup. */
export const PHOTO_MAX_SIDE = 1600;

/** Photo size after fitting within `max` pixels on the longer side, never enlarging. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
