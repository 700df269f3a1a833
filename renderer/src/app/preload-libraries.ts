import { office } from '../workers/office';

/**
 * Preloaded once the pages are: the office worker starts and loads exceljs and docx off the page's
 * thread, and the 文档 page's template engine (LiquidJS) is fetched, so the first export is quick too.
 */
export const PRELOAD_LIBRARIES: readonly (() => Promise<unknown>)[] = [
  () => office.warmUp(),
  () => import('../../../shared/documents/generate'),
];
