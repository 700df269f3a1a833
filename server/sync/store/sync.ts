import { LIMITS, PROTOCOL_VERSION, type RemoteRow, type SyncRequest, type SyncResponse } from '../../../shared/sync/protocol';
import type { Database } from '../db';
import { listPublished } from './published';
import { applyChanges, checkClocks, lockUnionForSync } from './apply';
import { getRows, pullRows } from './rows';

/** One round trip for one device: push its batch (exactly once), then pull a page of what changed since its cursor. */
export async function syncRound(db: Database, unionId: string, request: SyncRequest, now = Date.now()): Promise<SyncResponse> {
  checkClocks(request.changes, now);
  let from = request.cursor;
  let overruled: RemoteRow[] = [];
  if (request.changes.length) {
    overruled = await db.tx(async (q) => {
      const before = await lockUnionForSync(q, unionId);
      const outcome = await applyChanges(q, unionId, before, request.changes);
      // A device that had pulled everything before this push already holds every row the push
      // produced, except where one of its fields lost to a later write: send only those, and
      // move its cursor past the push. This spares a first sync the echo of the whole book.
      if (request.cursor !== before) return [];
      from = outcome.lastSeq;
      return getRows(q, unionId, outcome.overruled);
    });
  } else {
    await db.query('UPDATE unions SET last_sync_at = now() WHERE id = $1', [unionId]);
  }
  // Independent reads: on PostgreSQL they run on two pooled connections at once.
  const [page, published] = await Promise.all([
    pullRows(db, unionId, from, request.pullLimit ?? LIMITS.defaultPullLimit),
    listPublished(db),
  ]);
  const seen = new Set(page.rows.map((r) => `${r.table}/${r.rowId}`));
  const rows = [...overruled.filter((r) => !seen.has(`${r.table}/${r.rowId}`)), ...page.rows];
  const more = page.more;
  const cursor = page.rows.length ? page.rows[page.rows.length - 1]!.seq : from;
  return {
    v: PROTOCOL_VERSION,
    acked: request.changes.map((c) => c.changeId),
    rows,
    cursor,
    more,
    published,
    serverTime: new Date(now).toISOString(),
  };
}
