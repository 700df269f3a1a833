/** The parts of a location that decide which page and which view of it is shown. */
export interface PlaceOf {
  pathname: string;
  search: string;
}

/**
 * A move to another page, or another view of the same page (a tab, a record opened from 搜索),
 * unmounts what was typed; a change of the hash alone does not.
 */
export function leavesPlace(current: PlaceOf, next: PlaceOf): boolean {
  return current.pathname !== next.pathname || current.search !== next.search;
}

/** The first place with unsaved work, preferring one that can save itself. */
export function pickDirty<E extends { isDirty: () => boolean; save?: unknown }>(entries: Iterable<E>): E | null {
  let first: E | null = null;
  for (const e of entries) {
    if (!e.isDirty()) continue;
    if (e.save) return e;
    first ??= e;
  }
  return first;
}
