import { applyNoticeChanges } from '../../../../shared/sync/notice-changes';
import { OwnRanges } from '../../../../shared/sync/own-ranges';
import { LIMITS, type SyncResponse, type WireChange } from '../../../../shared/sync/protocol';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { syncRound, SyncError } from './api';
import { applyPublished, applyPulledRows } from './apply';
import { heldNoticeIds, heldNotices, keepNotices } from './notices';
import { isRefusal, pushAround } from './isolate';
import { countAllRows, markSynced, nextBootstrapBatch, nextOutboxBatch } from './outgoing';
import { obtainPackageKey } from './package-key';
import { setAside } from './refusals';
import { getValue, KEYS, setValue, updateStatus, type BootstrapProgress, type SyncConfig } from './state';

/** Batches of a first sync sent before the previous answer arrives. */
const PUSHES_IN_FLIGHT = 2;

/**
 * One device's sync: first the whole book (once), then the outbox in batches, then pull until the
 * server has nothing more. Runs one at a time; a second request while running joins the first.
 * Every step is resumable: acknowledged changes are marked, progress and cursor are stored.
 * A change the server refuses (400, 413) is set aside with its reason and the rest goes on
 * (./isolate.ts, ./refusals.ts); being offline or a server error stops the round, to be retried.
 */
export class SyncEngine {
  private running: Promise<boolean> | null = null;
  private following: Promise<boolean> | null = null;

  constructor(
    private readonly db: UnionBooksDB,
    private readonly mutator: Mutator,
  ) {}

  /**
   * Resolves true when the sync finished, false when it failed (the status tells why). A request
   * while a round runs is answered by one more round after it, shared by every request meanwhile:
   * the running round may have read the outbox before the caller wrote (a corrected record sent
   * again, an edit), and joining it would leave that write waiting for the next timer.
   */
  syncNow(): Promise<boolean> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    const next = () => {
      this.following = null;
      return this.syncNow();
    };
    this.following ??= this.running.then(next, next);
    return this.following;
  }

  private async run(): Promise<boolean> {
    const config = await getValue<SyncConfig>(this.db, KEYS.config);
    // A device enrolled by file has no address: it syncs by packages only.
    if (!config?.serverUrl) return false;
    await updateStatus(this.db, { phase: 'syncing', message: '', code: '' });
    try {
      let cursor = (await getValue<number>(this.db, KEYS.cursor)) ?? 0;
      const send = async (changes: WireChange[], pullLimit: number): Promise<SyncResponse> => {
        const res = await syncRound(config.serverUrl, config.token, { changes, cursor, pullLimit, notices: await heldNoticeIds(this.db) });
        cursor = await this.absorb(res);
        return res;
      };

      const boot = (await getValue<BootstrapProgress>(this.db, KEYS.bootstrap)) ?? {
        done: false,
        tableIndex: 0,
        lastId: '',
        sent: 0,
        total: await countAllRows(this.db),
      };
      if (!boot.done) cursor = await this.pushBook(config, cursor, boot);

      for (;;) {
        const changes = await nextOutboxBatch(this.db);
        if (!changes.length) break;
        const refused = await pushAround(changes, async (part) => {
          const res = await send(part, 1);
          await markSynced(this.db, res.acked);
        });
        await setAside(this.db, refused);
      }

      // Rows and notices both come a page at a time; a server that says more notices wait but sends none is not asked again.
      for (let more = true; more;) {
        const res = await send([], LIMITS.maxPullLimit);
        more = res.more || (!!res.noticeChanges?.more && res.noticeChanges.added.length > 0);
      }
      await obtainPackageKey(this.db, config);

      await updateStatus(this.db, { phase: 'idle', lastSyncAt: new Date().toISOString(), message: '', progress: null });
      return true;
    } catch (error) {
      const offline = error instanceof SyncError && error.offline;
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof SyncError ? error.code : '';
      await updateStatus(this.db, { phase: offline ? 'offline' : 'error', message, code });
      return false;
    }
  }

  /**
   * The first sync of a book without an outbox: every row, in batches, two in flight so the server
   * is never idle waiting for the next one. Pushes do not pull; the cursor moves over the device's
   * own rows where their ranges join up (OwnRanges), and the full pull follows. Progress is stored
   * in order as answers arrive, so an interruption resumes after the last acknowledged batch.
   */
  private async pushBook(config: SyncConfig, cursor: number, start: BootstrapProgress): Promise<number> {
    const own = new OwnRanges(cursor);
    // Listing the notices held (none is as good as any) spares every push-only answer the notices.
    const push = (changes: WireChange[]) => syncRound(config.serverUrl, config.token, { changes, cursor, pullLimit: 0, notices: [] });
    const took = async (res: SyncResponse) => {
      own.add(res.pushed);
      this.mutator.observeClock(await applyPulledRows(this.db, res.rows, own.cursor));
    };
    // Answers are settled as they arrive, so a batch failing while an earlier one is awaited is never an unhandled rejection.
    type Answer = { res: SyncResponse | null } | { error: unknown };
    const inFlight: { changes: WireChange[]; answer: Promise<Answer>; next: BootstrapProgress }[] = [];
    let boot = start;
    let planned = start;
    while (!boot.done) {
      while (!planned.done && inFlight.length < PUSHES_IN_FLIGHT) {
        const { changes, next } = await nextBootstrapBatch(this.db, this.mutator.deviceId, planned);
        const answer: Promise<Answer> = changes.length
          ? push(changes).then(
              (res) => ({ res }),
              (error: unknown) => ({ error }),
            )
          : Promise.resolve({ res: null });
        inFlight.push({ changes, answer, next });
        planned = next;
      }
      const head = inFlight.shift()!;
      const answer = await head.answer;
      if ('error' in answer) {
        // A batch still on its way when this one failed needs no care: it applies once if sent again.
        if (!isRefusal(answer.error)) throw answer.error;
        // A row the server refuses is set aside in the outbox; the rest of its batch goes on.
        await setAside(this.db, await pushAround(head.changes, async (part) => took(await push(part))));
      } else if (answer.res) {
        await took(answer.res);
      }
      boot = head.next;
      await setValue(this.db, KEYS.bootstrap, boot);
      await updateStatus(this.db, { progress: boot.done ? null : { sent: boot.sent, total: boot.total } });
    }
    return own.cursor;
  }

  private async absorb(res: SyncResponse): Promise<number> {
    this.mutator.observeClock(await applyPulledRows(this.db, res.rows, res.cursor));
    const known = await getValue<unknown>(this.db, KEYS.published);
    if (JSON.stringify(known ?? []) !== JSON.stringify(res.published)) await applyPublished(this.db, res.published);
    // A server older than notices sends none: what the device holds stays. One older than notice changes sends them all.
    if (res.noticeChanges) await keepNotices(this.db, applyNoticeChanges(await heldNotices(this.db), res.noticeChanges));
    else if (res.notices) await keepNotices(this.db, res.notices);
    return res.cursor;
  }
}

const engines = new WeakMap<UnionBooksDB, SyncEngine>();

/** One engine per open database, shared by the page and the automatic sync. */
export function syncEngineFor(db: UnionBooksDB, mutator: Mutator): SyncEngine {
  let engine = engines.get(db);
  if (!engine) {
    engine = new SyncEngine(db, mutator);
    engines.set(db, engine);
  }
  return engine;
}
