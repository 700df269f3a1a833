import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../../server/sync/db';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { ADMIN_PASSWORD } from './harness';

/**
 * The deployment docs/sync-server.md describes: app servers as processes of their own
 * (`unionbooks server start`) behind a reverse proxy that sets X-Forwarded-For, started with
 * `--trust-proxy` naming the proxy. The proxy here is the test itself, on loopback.
 */
const CLI = fileURLToPath(new URL('../../../bin/unionbooks.mjs', import.meta.url));
/** A process of its own: the command line's TypeScript and the database take a while to start on a busy machine. */
const START_MS = 180_000;
/** Enrolment attempts per minute per client address (the server's default). */
const AUTH_LIMIT = 10;

const dir = mkdtempSync(join(tmpdir(), 'ub-proxy-'));
const children: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(children.map(stop));
  rmSync(dir, { recursive: true, force: true });
});

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts `unionbooks server start` on a free port and resolves with its address once it listens. */
function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'server', 'start', '--port', '0', '--admin-password', ADMIN_PASSWORD, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const address = /同步服务器已启动：(\S+)（/.exec(out)?.[1];
      if (address && /日志：/.test(out)) resolve(address);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`服务器退出（${code}）：${err}`)));
  });
}

async function call(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const wrongEnrolment = (server: string, client: string) =>
  call(
    `${server}/api/v1/enrol`,
    { v: PROTOCOL_VERSION, unionCode: 'NOPE', enrolmentCode: 'WRONG-CODE', deviceId: 'probe', deviceName: '' },
    { 'x-forwarded-for': client },
  );

/** Statuses of `n` wrong enrolments from one client address. */
async function attempts(server: string, client: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await wrongEnrolment(server, client)).status);
  return out;
}

describe('a server behind a reverse proxy (embedded database)', () => {
  it('keys rate limits on the forwarded client address with --trust-proxy, on the proxy’s without', { timeout: 2 * START_MS }, async () => {
    const env = { ...process.env, DATABASE_URL: '' };
    const trusting = await startServer(['--data', join(dir, 'trusting'), '--trust-proxy', '127.0.0.1'], env);
    const first = await attempts(trusting, '203.0.113.7', AUTH_LIMIT + 1);
    expect(first.slice(0, AUTH_LIMIT).every((s) => s !== 429)).toBe(true);
    expect(first[AUTH_LIMIT]).toBe(429);
    // Another client behind the same proxy is not held back by the first one's attempts.
    expect((await wrongEnrolment(trusting, '198.51.100.9')).status).not.toBe(429);

    // Without --trust-proxy every client behind the proxy counts as the proxy: one limit for all.
    const plain = await startServer(['--data', join(dir, 'plain')], env);
    await attempts(plain, '203.0.113.7', AUTH_LIMIT);
    expect((await wrongEnrolment(plain, '198.51.100.9')).status).toBe(429);
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

/** Two app servers need a database both can open: PostgreSQL, when the suite has one (tests/ci/postgres.sh). */
describe.each(postgresUrl ? [postgresUrl] : [])('two app servers on one PostgreSQL', (url) => {
  const name = `ub_proxy_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it(
    'both key rate limits on the forwarded address, and a revoked token is refused on both at once',
    { timeout: 3 * START_MS },
    async () => {
      await admin(`CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      const env = { ...process.env, DATABASE_URL: u.toString() };
      // One after the other: the first start migrates and sets the admin password, the second finds both done.
      const one = await startServer(['--data', join(dir, 'one'), '--trust-proxy', '127.0.0.1'], env);
      const two = await startServer(['--data', join(dir, 'two'), '--trust-proxy', '127.0.0.1'], env);

      for (const server of [one, two]) {
        const tried = await attempts(server, '203.0.113.20', AUTH_LIMIT + 1);
        expect(tried[AUTH_LIMIT]).toBe(429);
        expect((await wrongEnrolment(server, '198.51.100.21')).status).not.toBe(429);
      }

      const login = await call(`${one}/api/admin/login`, { password: ADMIN_PASSWORD }, { 'x-forwarded-for': '192.0.2.50' });
      expect(login.status).toBe(200);
      const auth = { authorization: `Bearer ${String(login.body.token)}` };
      const created = await call(`${two}/api/admin/unions`, { code: 'PX01', name: '代理测试工会' }, auth);
      expect(created.status).toBe(200);
      const unionId = String((created.body.union as { id: string }).id);
      const enrolled = await call(`${one}/api/v1/enrol`, {
        v: PROTOCOL_VERSION,
        unionCode: 'PX01',
        enrolmentCode: String(created.body.enrolmentCode),
        deviceId: 'pc-office',
        deviceName: '办公室电脑',
      });
      expect(enrolled.status).toBe(200);
      const device = { authorization: `Bearer ${String(enrolled.body.token)}` };
      const sync = (server: string) => call(`${server}/api/v1/sync`, { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, device);
      // Both servers have now checked the token and hold it in their caches.
      for (const server of [one, two, one, two]) expect((await sync(server)).status).toBe(200);

      expect((await call(`${two}/api/admin/unions/${unionId}/devices/pc-office/revoke`, {}, auth)).status).toBe(200);
      expect((await sync(one)).status).toBe(401);
      expect((await sync(two)).status).toBe(401);

      // The audit log has the admin's own address, as the proxy forwarded it.
      const db = await openPostgres(u.toString(), 1);
      try {
        const rows = await db.query<{ address: string }>("SELECT address FROM audit_log WHERE action = 'login'");
        expect(rows.map((r) => r.address)).toEqual(['192.0.2.50']);
      } finally {
        await db.close();
      }
    },
  );
});
