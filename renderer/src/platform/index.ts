import { desktopPlatform } from './desktop';
import type { Platform } from './platform';
import { webPlatform } from './web';

export function detectPlatform(): Platform {
  return window.unionBooks ? desktopPlatform(window.unionBooks) : webPlatform;
}

export type { Platform } from './platform';
export { FILTERS } from './platform';
