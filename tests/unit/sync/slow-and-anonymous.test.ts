import type { FastifyInstance } from 'fastify';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import type { Database } from '../../../server/sync/db';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import { LIMITS } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { ADMIN_PASSWORD, post, unionWithDevices } from './harness';

const MiB = 1024 * 1024;

/** Waits for a condition that a working server reaches in well under a second; a stuck one never does. */
function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}：${ms / 1000} 秒内没有发生`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

interface Upload {
  status: number | null;
  body: string;
  /** The server answered while the client was still sending. */
  answeredEarly: boolean;
  sent: number;
}

/** A submission whose one document fills the body: valid JSON of `total` bytes, so only the token is wrong. */
const HEAD = '{"v":1,"year":2025,"recordId":"r1","facts":{},"documents":[{"name":"a.docx","mimeType":"x","base64":"';
const TAIL = '"}]}';

/**
 * POSTs `total` bytes in chunks, as fast as the server takes them (or one chunk every `pauseMs`),
 * and stops sending once the server answers or closes the connection.
 */
function upload(url: string, path: string, headers: Record<string, string>, total: number, chunk: number, pauseMs = 0): Promise<Upload> {
  return new Promise((resolve) => {
    const out: Upload = { status: null, body: '', answeredEarly: false, sent: 0 };
    let done = false;
    let finished = false;
    const finish = () => {
      if (!done) resolve(out);
      done = true;
    };
    const req = httpRequest(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(total) },
    });
    req.on('response', (res) => {
      out.status = res.statusCode ?? null;
      out.answeredEarly = !finished;
      res.setEncoding('utf8');
      res.on('data', (d: string) => (out.body += d));
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', finish);
    req.on('close', () => setTimeout(finish, 50));
    const piece = Buffer.alloc(chunk, 0x41);
    const pump = async () => {
      req.write(HEAD);
      out.sent = HEAD.length;
      while (!done && out.status === null && out.sent < total - TAIL.length) {
        const n = Math.min(chunk, total - TAIL.length - out.sent);
        const more = req.write(n === chunk ? piece : piece.subarray(0, n));
        out.sent += n;
        if (!more) await new Promise((r) => req.once('drain', r).once('close', r));
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
      if (out.sent >= total - TAIL.length && !done) {
        finished = true;
        req.end(TAIL);
      }
    };
    void pump();
  });
}

const mainMemory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

describe.each(backends())('requests that are anonymous, huge or slow on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let url = '';
  let token = '';
  const sockets: Socket[] = [];
  beforeAll(async () => {
    db = await backend.fresh();
    app = await buildServer({
      db,
      authRateLimit: 1000,
      timeouts: { requestMs: 1_500, connectionMs: 10_000, keepAliveMs: 500, checkEveryMs: 100 },
    });
    await initialiseAdmin(db, ADMIN_PASSWORD);
    app.server.on('connection', (s: Socket) => sockets.push(s));
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    token = (await unionWithDevices(app, db, 'SLOW', 1)).devices[0]!.token;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('refuses a 32 MiB submission without a valid token before reading its body', async () => {
    const before = mainMemory();
    const res = await within(
      '拒绝未注册的大请求',
      15_000,
      upload(url, '/api/v1/submissions', { authorization: `Bearer ${'x'.repeat(43)}` }, LIMITS.submissionBodyBytes - 1024, 256 * 1024),
    );
    const grown = mainMemory() - before;
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error).toMatch(/设备未注册/);
    expect(res.answeredEarly).toBe(true);
    // The server read a few socket buffers' worth at most, and holds nothing of the body.
    const read = Math.max(...sockets.map((s) => s.bytesRead));
    expect(read).toBeLessThan(8 * MiB);
    expect(grown).toBeLessThan(8 * MiB);
  });

  it('closes an upload trickled in slower than the request time limit', async () => {
    // 200 bytes every 50 ms: never silent long enough for the connection limit, never done in time.
    const res = await within('慢速上传被关闭', 20_000, upload(url, '/api/v1/sync', { authorization: `Bearer ${token}` }, MiB, 200, 50));
    expect(res.sent).toBeLessThan(MiB);
    expect([408, null]).toContain(res.status);
    // The server is free for the next request.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('closes a kept-alive connection left idle', async () => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await within('空闲的长连接被关闭', 10_000, closed);
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
  });

  it('sets the time limits when none are given, and a body limit on every route', async () => {
    const plain = await buildServer({ db });
    try {
      await plain.ready();
      for (const ms of [plain.server.requestTimeout, plain.server.keepAliveTimeout, plain.server.timeout]) {
        expect(ms).toBeGreaterThan(0);
        expect(ms).toBeLessThanOrEqual(120_000);
      }
    } finally {
      await plain.close();
    }
    const admin = String((await post(app, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);
    const union = (await db.query<{ id: string }>("SELECT id FROM unions WHERE code = 'SLOW'"))[0]!.id;
    const big = await app.inject({
      method: 'POST',
      url: `/api/admin/unions/${union}/codes`,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(100_000) }),
    });
    expect(big.statusCode).toBe(413);
  });
});
