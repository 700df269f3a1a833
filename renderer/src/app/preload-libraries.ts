/**
 * Preloaded once the pages are: the office worker starts and loads exceljs and docx off the page's
 * thread, and the 文档 page's template engine (LiquidJS) is fetched, so the first export is quick too.
 * The worker's client is imported here, not at the top: it brings the roster sheet's reader and the
 * records' declarations and checks (for the errors that cross from the worker), which the shell and
 * 概览 never use, into the start-up code.
 */
export const PRELOAD_LIBRARIES: readonly (() => Promise<unknown>)[] = [
  async () => (await import('../workers/office')).office.warmUp(),
  () => import('../../../shared/documents/generate'),
];
