import { NOTICES_PER_ANSWER, type Notice, type NoticeChanges } from './protocol';

/** Oldest first, as the server lists what reaches a union: two devices holding the same notices store the same list. */
const byPublished = (a: Notice, b: Notice) =>
  a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * What a device holding the notices `known` (their ids) lacks of those that reach its union now:
 * the newest first, at most `limit` of them, and the known ids that no longer reach it (their
 * sender removed them, or the union moved to another organisation).
 */
export function noticeChanges(reaching: readonly Notice[], known: readonly string[], limit = NOTICES_PER_ANSWER): NoticeChanges {
  const held = new Set(known);
  const lacking = reaching.filter((n) => !held.has(n.id)).sort((a, b) => byPublished(b, a));
  const ids = new Set(reaching.map((n) => n.id));
  return { added: lacking.slice(0, limit), gone: [...held].filter((id) => !ids.has(id)), more: lacking.length > limit };
}

/** A device's notices after an answer's changes: what it held less what is gone, with what was added. */
export function applyNoticeChanges(held: readonly Notice[], changes: NoticeChanges): Notice[] {
  const gone = new Set(changes.gone);
  const byId = new Map(held.filter((n) => !gone.has(n.id)).map((n) => [n.id, n]));
  for (const n of changes.added) byId.set(n.id, n);
  return [...byId.values()].sort(byPublished);
}
