import { useEffect } from 'react';

let marked = false;
let painted: () => void = () => undefined;
const firstScreenPainted = new Promise<void>((resolve) => (painted = resolve));

/**
 * Calls `callback` once the frame now being prepared has been painted: a frame callback runs just
 * before the paint, a task queued from it after. A hidden page paints no frames, so it waits for none.
 */
function afterNextPaint(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') setTimeout(callback, 0);
  else requestAnimationFrame(() => setTimeout(callback, 0));
}

/** Said by the first screen once it shows what the user came for; only the first call counts. */
export function markFirstScreenShown(): void {
  if (marked) return;
  marked = true;
  afterNextPaint(painted);
}

/**
 * Settles after the first screen has been painted. Code fetched or run ahead of its use waits for it:
 * before, it would take the CPU and the disk from the screen the user is waiting for.
 */
export function afterFirstScreen(): Promise<void> {
  return firstScreenPainted;
}

/** Rendered where the first screen is complete (its figures filled in, its form shown): marks it shown once mounted. */
export function FirstScreenShown(): null {
  useEffect(markFirstScreenShown, []);
  return null;
}
