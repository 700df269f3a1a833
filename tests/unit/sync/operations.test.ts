import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import type { Database } from '../../../server/sync/db';
import { sha256 } from '../../../server/sync/crypto';
import { fileLog } from '../../../server/sync/server-log';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { ADMIN_PASSWORD, MEMBER, post, serverPerSuite, TestDevice, unionWithDevices } from './harness';

const ID_NUMBERS = ['110101199003071234', '44030519851215002X', '110101900307123'];

const get = (app: FastifyInstance, url: string, token: string) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe.each(backends())('the server log on $name', (backend) => {
  let dir = '';
  let db: Database;
  let app: FastifyInstance;
  let failing = false;
  let quoted = '';
  const secrets: string[] = [ADMIN_PASSWORD, 'a wrong password 123', ...ID_NUMBERS];
  let errorId = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ub-log-'));
    db = await backend.fresh();
    // A database error that quotes what it was given, as PostgreSQL's messages do.
    const quoting: Database = {
      ...db,
      query: (text, params) =>
        failing && /FROM rows/.test(text)
          ? Promise.reject(new Error(`invalid input: "${ID_NUMBERS[0]}" for token ${quoted}`))
          : db.query(text, params),
    };
    app = await buildServer({ db: quoting, authRateLimit: 1000, log: fileLog(join(dir, 'server.log')) });
    await initialiseAdmin(db, ADMIN_PASSWORD);

    // A session: the admin logs in (once wrongly), creates a union and a code; two devices enrol
    // and sync members with ID numbers; a request fails inside; the admin logs out.
    expect((await post(app, '/api/admin/login', { password: 'a wrong password 123' })).status).toBe(401);
    const admin = String((await post(app, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);
    const created = await post(app, '/api/admin/unions', { code: 'LOG1', name: '日志工会' }, admin);
    const unionId = String((created.body.union as { id: string }).id);
    const second = String((await post(app, `/api/admin/unions/${unionId}/codes`, {}, admin)).body.enrolmentCode);
    const devices: TestDevice[] = [];
    for (const [i, code] of [String(created.body.enrolmentCode), second].entries()) {
      const enrol = await post(app, '/api/v1/enrol', {
        v: PROTOCOL_VERSION,
        unionCode: 'LOG1',
        enrolmentCode: code,
        deviceId: `log${i}`,
        deviceName: '',
      });
      devices.push(new TestDevice(`log${i}`, String(enrol.body.token)));
      secrets.push(code, code.replace('-', ''), String(enrol.body.token));
    }
    for (const [i, idNumber] of ID_NUMBERS.entries()) devices[i % 2]!.insert('members', { ...MEMBER, name: `会员${i}`, idNumber });
    for (const d of devices) await d.sync(app);
    expect((await get(app, '/api/admin/overview?year=2025', admin)).statusCode).toBe(200);
    quoted = devices[0]!.token;
    failing = true;
    const failed = await post(app, '/api/v1/sync', { v: 1, changes: [], cursor: 0 }, devices[0]!.token);
    failing = false;
    expect(failed.status).toBe(500);
    errorId = /请求编号 (\S+)）/.exec(String(failed.body.error))![1]!;
    expect((await post(app, '/api/admin/logout', {}, admin)).status).toBe(200);
    secrets.push(admin);
    await app.close();
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = () =>
    readFileSync(join(dir, 'server.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('never holds a token, an enrolment code, a password or an ID number', () => {
    const text = readFileSync(join(dir, 'server.log'), 'utf8');
    expect(secrets.length).toBe(ID_NUMBERS.length + 2 + 6 + 1);
    for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
    expect(text).not.toMatch(/\d{17}[\dXx]/);
  });

  it('holds one JSON line per event: requests with their id, the error with its id, and the admin’s actions', () => {
    const all = lines();
    const requests = all.filter((l) => l.msg === 'request completed');
    expect(requests.length).toBeGreaterThan(8);
    expect(requests.every((l) => typeof l.reqId === 'string' && typeof (l.res as { statusCode: number }).statusCode === 'number')).toBe(
      true,
    );
    const error = all.find((l) => l.level === 50);
    expect(error).toMatchObject({ reqId: errorId, union: 'LOG1' });
    expect(String((error!.err as { message: string }).message)).toContain('[证件号已隐去]');
    const events = all.map((l) => l.event).filter(Boolean);
    expect(events).toEqual(
      expect.arrayContaining(['admin.login', 'admin.union-created', 'admin.code-issued', 'device.enrolled', 'admin.logout']),
    );
    expect(all.filter((l) => l.event === 'admin.login').map((l) => l.ok)).toEqual([false, true]);
  });
});

describe.each(backends())('admin sessions, headers and submissions on $name', (backend) => {
  const s = serverPerSuite(backend);
  const login = async () => String((await post(s.app, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);

  it('ends a session at logout: the token opens nothing afterwards', async () => {
    const token = await login();
    expect((await get(s.app, '/api/admin/overview', token)).statusCode).toBe(200);
    expect((await post(s.app, '/api/admin/logout', {}, token)).status).toBe(200);
    expect((await get(s.app, '/api/admin/overview', token)).statusCode).toBe(401);
    expect((await post(s.app, '/api/admin/logout', {}, token)).status).toBe(401);
  });

  it('ends a session left unused for 30 minutes, and keeps one in use open', async () => {
    const idle = await login();
    const busy = await login();
    await s.db.query("UPDATE admin_sessions SET last_seen_at = now() - interval '31 minutes'");
    await s.db.query("UPDATE admin_sessions SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = $1", [sha256(busy)]);
    expect((await get(s.app, '/api/admin/overview', idle)).statusCode).toBe(401);
    expect((await get(s.app, '/api/admin/overview', busy)).statusCode).toBe(200);
    await s.db.query("UPDATE admin_sessions SET last_seen_at = last_seen_at - interval '2 minutes'");
    // Its use a moment ago counted as activity.
    expect((await get(s.app, '/api/admin/overview', busy)).statusCode).toBe(200);
  });

  it('serves the dashboard with a Content-Security-Policy that forbids framing, and the API likewise', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ub-dash-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>上级工会管理</title>');
    const app = await buildServer({ db: s.db, dashboardDir: dist });
    try {
      const page = await app.inject({ method: 'GET', url: '/dashboard/' });
      expect(page.statusCode).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const api = await app.inject({ method: 'GET', url: '/api/health' });
      expect(String(api.headers['content-security-policy'])).toBe("default-src 'none'; frame-ancestors 'none'");
    } finally {
      await app.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('answers concurrent submissions of one year with one receipt and 409 for the rest, never 500', async () => {
    const device = (await unionWithDevices(s.app, s.db, 'TWICE', 1)).devices[0]!;
    const submit = (i: number) =>
      post(s.app, '/api/v1/submissions', { v: 1, year: 2025, recordId: 'sub-2025', facts: { try: i }, documents: [] }, device.token);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(i)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => /已报送/.test(String(a.body.error)))).toBe(true);
    expect(Number((await s.db.query<{ n: unknown }>('SELECT count(*) AS n FROM submissions'))[0]!.n)).toBe(1);
  });
});
