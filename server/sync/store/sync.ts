import { noticeChanges } from '../../../shared/sync/notice-changes';
import { LIMITS, PROTOCOL_VERSION, type RemoteRow, type SyncRequest, type SyncResponse } from '../../../shared/sync/protocol';
import type { Database } from '../db';
import { ROOT_ORG_ID } from './orgs';
import { publishedFor } from './published';
import { applyChanges, checkClocks, lockUnionForSync, prepareBatch, type PushOutcome } from './apply';
import { pushNewRecords } from './push-group';
import { getRows, pullRows } from './rows';

/** Who is syncing: the token decided both, never the request body. */
export interface SyncCaller {
  unionId: string;
  deviceRowId: string;
  /** The union's organisation, for what is published to it (the root's when absent). */
  orgId?: string;
}

type Pushed = PushOutcome & { before: number };

/** Applies the request's batch: new records in a statement shared with other unions' pushes, otherwise one transaction with the union locked. */
async function push(db: Database, caller: SyncCaller, request: SyncRequest): Promise<Pushed> {
  // Prepared before the union is locked, so a second push of the same union is encoded while the first is written.
  // A change left with no field (all of them undeclared, keepDeclaredFields) is acknowledged and writes nothing.
  const batch = prepareBatch(request.changes.filter((c) => Object.keys(c.fields).length > 0));
  const quick = await pushNewRecords(db, caller, batch);
  if (quick) return quick;
  return db.tx(async (q) => {
    const before = await lockUnionForSync(q, caller.unionId, caller.deviceRowId);
    return { before, ...(await applyChanges(q, caller.unionId, before, batch)) };
  });
}

/** One round trip for one device: push its batch (exactly once), then pull a page of what changed since its cursor. */
export async function syncRound(db: Database, caller: SyncCaller, request: SyncRequest, now = Date.now()): Promise<SyncResponse> {
  checkClocks(request.changes, now);
  const { unionId } = caller;
  const pullLimit = request.pullLimit ?? LIMITS.defaultPullLimit;
  let from = request.cursor;
  let overruled: RemoteRow[] = [];
  let pushed: Pushed | null = null;
  // A device that had pulled everything before its push holds every row the push produced,
  // except where one of its fields lost to a later write: it gets only those, and its cursor moves
  // past the push. The union was locked, so nothing else was written in between; what others
  // commit afterwards comes with the next round. This spares a first sync the echo of the book.
  let caughtUp = false;
  if (request.changes.length) {
    pushed = await push(db, caller, request);
    caughtUp = pullLimit !== 0 && request.cursor === pushed.before;
    if (caughtUp) from = pushed.lastSeq;
    // The rows where a pushed field lost are read after the write: later writes can only make them newer.
    if (caughtUp || pullLimit === 0) overruled = await getRows(db, unionId, pushed.overruled);
  } else {
    // A pull alone needs no transaction: the statement only notes the time of the sync.
    await lockUnionForSync(db, unionId, caller.deviceRowId);
  }
  const [page, { published, notices }] = await Promise.all([
    caughtUp || pullLimit === 0 ? { rows: [], more: false } : pullRows(db, unionId, from, pullLimit),
    publishedFor(db, caller.orgId ?? ROOT_ORG_ID),
  ]);
  // An app that lists its notices gets only what it lacks (none on a push-only round); an older one, all of them.
  const told =
    request.notices === undefined ? { notices } : pullLimit === 0 ? {} : { noticeChanges: noticeChanges(notices, request.notices) };
  const seen = new Set(page.rows.map((r) => `${r.table}/${r.rowId}`));
  const rows = [...overruled.filter((r) => !seen.has(`${r.table}/${r.rowId}`)), ...page.rows];
  const cursor = page.rows.length ? page.rows[page.rows.length - 1]!.seq : from;
  return {
    v: PROTOCOL_VERSION,
    acked: request.changes.map((c) => c.changeId),
    rows,
    cursor,
    more: page.more,
    ...(pushed ? { pushed: { from: pushed.before + 1, to: pushed.lastSeq } } : {}),
    published,
    ...told,
    serverTime: new Date(now).toISOString(),
  };
}
