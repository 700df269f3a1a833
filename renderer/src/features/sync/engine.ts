import { LIMITS, type SyncResponse, type WireChange } from '../../../../shared/sync/protocol';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { syncRound, SyncError } from './api';
import { applyPublished, applyPulledRows } from './apply';
import { countAllRows, markSynced, nextBootstrapBatch, nextOutboxBatch } from './outgoing';
import { getValue, KEYS, setValue, updateStatus, type BootstrapProgress, type SyncConfig } from './state';

/**
 * One device's sync: first the whole book (once), then the outbox in batches, then pull until the
 * server has nothing more. Runs one at a time; a second request while running joins the first.
 * Every step is resumable: acknowledged changes are marked, progress and cursor are stored.
 */
export class SyncEngine {
  private running: Promise<boolean> | null = null;

  constructor(
    private readonly db: UnionBooksDB,
    private readonly mutator: Mutator,
  ) {}

  /** Resolves true when the sync finished, false when it failed (the status tells why). */
  syncNow(): Promise<boolean> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<boolean> {
    const config = await getValue<SyncConfig>(this.db, KEYS.config);
    if (!config) return false;
    await updateStatus(this.db, { phase: 'syncing', message: '' });
    try {
      let cursor = (await getValue<number>(this.db, KEYS.cursor)) ?? 0;
      const send = async (changes: WireChange[], pullLimit: number): Promise<SyncResponse> => {
        const res = await syncRound(config.serverUrl, config.token, { changes, cursor, pullLimit });
        cursor = await this.absorb(res);
        return res;
      };

      let boot = (await getValue<BootstrapProgress>(this.db, KEYS.bootstrap)) ?? {
        done: false,
        tableIndex: 0,
        lastId: '',
        sent: 0,
        total: await countAllRows(this.db),
      };
      while (!boot.done) {
        const { changes, next } = await nextBootstrapBatch(this.db, this.mutator.deviceId, boot);
        // While pushing, pull only a token page: the full pull follows once everything is up.
        if (changes.length) await send(changes, 1);
        boot = next;
        await setValue(this.db, KEYS.bootstrap, boot);
        await updateStatus(this.db, { progress: boot.done ? null : { sent: boot.sent, total: boot.total } });
      }

      for (;;) {
        const changes = await nextOutboxBatch(this.db);
        if (!changes.length) break;
        const res = await send(changes, 1);
        await markSynced(this.db, res.acked);
      }

      for (let more = true; more;) more = (await send([], LIMITS.maxPullLimit)).more;

      await updateStatus(this.db, { phase: 'idle', lastSyncAt: new Date().toISOString(), message: '', progress: null });
      return true;
    } catch (error) {
      const offline = error instanceof SyncError && error.offline;
      const message = error instanceof Error ? error.message : String(error);
      await updateStatus(this.db, { phase: offline ? 'offline' : 'error', message });
      return false;
    }
  }

  private async absorb(res: SyncResponse): Promise<number> {
    const latest = await applyPulledRows(this.db, res.rows, res.cursor);
    if (latest) {
      try {
        this.mutator.observeClock(latest);
      } catch {
        // A stamp from a device whose clock runs far ahead: keep our own clock rather than jump with it.
      }
    }
    const known = await getValue<unknown>(this.db, KEYS.published);
    if (JSON.stringify(known ?? []) !== JSON.stringify(res.published)) await applyPublished(this.db, res.published);
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
