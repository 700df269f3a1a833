/**
 * The heavy libraries behind exports, imports and documents (exceljs, docx, LiquidJS), loaded where
 * they are used by dynamic import; preloaded once the pages are, so the first export is quick too.
 */
export const PRELOAD_LIBRARIES: readonly (() => Promise<unknown>)[] = [
  () => import('../../../shared/roster/read'),
  () => import('../../../shared/documents/generate'),
];
