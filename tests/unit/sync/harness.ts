import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Backend } from './backends';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { stampInsert, stampUpdate, type ChangeEntry, type NewRecord } from '../../../shared/book/changes';
import type { RecordOf, TableName } from '../../../shared/model/book';
import { resolvePulledRow } from '../../../shared/sync/merge';
import { PROTOCOL_VERSION, type SyncResponse, type WireChange } from '../../../shared/sync/protocol';
import { buildServer } from '../../../server/sync/app';
import { openPglite, type Database } from '../../../server/sync/db';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { emptyMemberDraft } from '../../../shared/members/fields';

export const ADMIN_PASSWORD = 'correct horse battery';

export async function startServer(db: Database, authRateLimit = 1000): Promise<FastifyInstance> {
  const app = await buildServer({ db, authRateLimit });
  await initialiseAdmin(db, ADMIN_PASSWORD);
  return app;
}

/** A server with its own in-memory database, listening on loopback as an app's sync client reaches it. */
export async function listeningServer(): Promise<{ db: Database; app: FastifyInstance; url: string }> {
  const db = await openPglite();
  const app = await startServer(db);
  return { db, app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

export async function post(app: FastifyInstance, url: string, body: unknown, token?: string) {
  const res = await app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

/**
 * A device as the app is one: its own rows, outbox and clock, writing with the shared stamp
 * functions and applying pulls with the shared merge — the same code paths the renderer uses.
 */
export class TestDevice {
  rows = new Map<string, Record<string, unknown>>();
  outbox: ChangeEntry[] = [];
  cursor = 0;
  readonly clock: HybridLogicalClock;

  constructor(
    readonly deviceId: string,
    public token: string,
    wallClock: () => number = () => Date.now(),
  ) {
    this.clock = new HybridLogicalClock(deviceId, wallClock);
  }

  insert<T extends TableName>(table: T, data: NewRecord<T>): RecordOf<T> {
    const { record, change } = stampInsert({ deviceId: this.deviceId, clock: this.clock }, table, data);
    this.rows.set(`${table}/${record.id}`, record as unknown as Record<string, unknown>);
    this.outbox.push(change);
    return record;
  }

  update(table: TableName, id: string, patch: Record<string, unknown>): void {
    const existing = this.rows.get(`${table}/${id}`) as unknown as RecordOf<TableName>;
    const stamped = stampUpdate({ deviceId: this.deviceId, clock: this.clock }, table, existing, patch as never);
    if (!stamped) return;
    this.rows.set(`${table}/${id}`, stamped.record as unknown as Record<string, unknown>);
    this.outbox.push(stamped.change);
  }

  get(table: TableName, id: string): Record<string, unknown> | undefined {
    return this.rows.get(`${table}/${id}`);
  }

  pending(): WireChange[] {
    return this.outbox.filter((c) => c.synced === 0).map(({ synced: _s, ...c }) => c);
  }

  /** Pushes the outbox in one batch and pulls until the server has nothing more. */
  async sync(app: FastifyInstance): Promise<void> {
    let changes = this.pending();
    for (;;) {
      const res = await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes, cursor: this.cursor }, this.token);
      if (res.status !== 200) throw new Error(`sync ${res.status}: ${String(res.body.error)}`);
      this.apply(res.body as unknown as SyncResponse);
      changes = [];
      if (!(res.body as unknown as SyncResponse).more) return;
    }
  }

  apply(response: SyncResponse): void {
    const acked = new Set(response.acked);
    for (const c of this.outbox) if (acked.has(c.changeId)) c.synced = 1;
    for (const row of response.rows) {
      const pending = this.outbox.filter((c) => c.synced === 0 && c.table === row.table && c.rowId === row.rowId);
      const merged = resolvePulledRow(row, pending);
      this.rows.set(`${row.table}/${row.rowId}`, { ...merged.data, updatedAt: merged.updatedAt });
      this.clock.receive(merged.updatedAt);
    }
    this.cursor = response.cursor;
  }
}

/** Creates a union and enrols `devices` devices of it. */
export async function unionWithDevices(
  app: FastifyInstance,
  db: Database,
  code: string,
  devices = 1,
): Promise<{ unionId: string; devices: TestDevice[] }> {
  const { union, enrolmentCode } = await createUnion(db, code, `${code} 工会`);
  const out: TestDevice[] = [];
  for (let i = 0; i < devices; i++) {
    const enrolCode = i === 0 ? enrolmentCode : await issueCode(db, union.id);
    const deviceId = `${code.toLowerCase()}dev${i}`;
    const res = await post(app, '/api/v1/enrol', {
      v: PROTOCOL_VERSION,
      unionCode: code,
      enrolmentCode: enrolCode,
      deviceId,
      deviceName: `设备${i}`,
    });
    if (res.status !== 200) throw new Error(`enrol ${res.status}: ${String(res.body.error)}`);
    out.push(new TestDevice(deviceId, String(res.body.token)));
  }
  return { unionId: union.id, devices: out };
}

export const MEMBER: NewRecord<'members'> = {
  ...emptyMemberDraft(),
  name: '张三',
  gender: '男',
  birthDate: '1990-01-01',
  department: '一车间',
  joinDate: '2020-01-01',
};

export async function countWrites(db: Database): Promise<{ rows: number; lastSeq: number; submissions: number; devices: number }> {
  const q = async (t: string) => Number((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${t}`))[0]?.n);
  return {
    rows: await q('rows'),
    lastSeq: Number((await db.query<{ n: unknown }>('SELECT coalesce(sum(last_seq), 0) AS n FROM unions'))[0]?.n),
    submissions: await q('submissions'),
    devices: await q('devices'),
  };
}

/**
 * One database and server per describe block: opened before its tests, closed after. Tests that
 * simulate a crash reassign `db` and `app` themselves (see retry-restart.test.ts).
 */
export function serverPerSuite(backend: Backend): { db: Database; app: FastifyInstance } {
  const suite = {} as { db: Database; app: FastifyInstance };
  beforeAll(async () => {
    suite.db = await backend.fresh();
    suite.app = await startServer(suite.db);
  });
  afterAll(async () => {
    await suite.app.close();
    await suite.db.close();
    await backend.dispose();
  });
  return suite;
}
