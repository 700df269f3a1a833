import { LIMITS, PROTOCOL_VERSION, type RemoteRow, type SyncRequest, type SyncResponse } from '../../../shared/sync/protocol';
import type { Database } from '../db';
import { listPublishedCached } from './published';
import { applyChanges, checkClocks, lockUnionForSync, pushNewRecords } from './apply';
import { getRows, pullRows } from './rows';

/** Who is syncing: the token decided both, never the request body. */
export interface SyncCaller {
  unionId: string;
  deviceRowId: string;
}

/** One round trip for one device: push its batch (exactly once), then pull a page of what changed since its cursor. */
export async function syncRound(db: Database, caller: SyncCaller, request: SyncRequest, now = Date.now()): Promise<SyncResponse> {
  checkClocks(request.changes, now);
  const { unionId } = caller;
  let from = request.cursor;
  let overruled: RemoteRow[] = [];
  let caughtUp = false;
  const quick = request.changes.length ? await pushNewRecords(db, caller, request.changes) : null;
  if (quick) {
    // Same rule as below: a device that was caught up gets only what it sent and lost.
    if (request.cursor === quick.before) {
      from = quick.lastSeq;
      caughtUp = true;
      overruled = await getRows(db, unionId, quick.overruled);
    }
  } else if (request.changes.length) {
    overruled = await db.tx(async (q) => {
      const before = await lockUnionForSync(q, unionId, caller.deviceRowId);
      const outcome = await applyChanges(q, unionId, before, request.changes);
      // A device that had pulled everything before this push already holds every row the push
      // produced, except where one of its fields lost to a later write: send only those, and
      // move its cursor past the push. This spares a first sync the echo of the whole book.
      if (request.cursor !== before) return [];
      from = outcome.lastSeq;
      // With the union locked nothing else was written meanwhile: there is nothing more to pull
      // in this round (what others commit after it comes with the next one).
      caughtUp = true;
      return getRows(q, unionId, outcome.overruled);
    });
  } else {
    // A pull alone needs no transaction: the statement only notes the time of the sync.
    await lockUnionForSync(db, unionId, caller.deviceRowId);
  }
  const [page, published] = await Promise.all([
    caughtUp ? { rows: [], more: false } : pullRows(db, unionId, from, request.pullLimit ?? LIMITS.defaultPullLimit),
    listPublishedCached(db),
  ]);
  const seen = new Set(page.rows.map((r) => `${r.table}/${r.rowId}`));
  const rows = [...overruled.filter((r) => !seen.has(`${r.table}/${r.rowId}`)), ...page.rows];
  const cursor = page.rows.length ? page.rows[page.rows.length - 1]!.seq : from;
  return {
    v: PROTOCOL_VERSION,
    acked: request.changes.map((c) => c.changeId),
    rows,
    cursor,
    more: page.more,
    published,
    serverTime: new Date(now).toISOString(),
  };
}
