import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import { createUnion } from '../../../server/sync/store/unions';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { runCli } from '../cli/capture';
import { backends } from './backends';
import { ADMIN_PASSWORD } from './harness';

const CLI = fileURLToPath(new URL('../../../bin/unionbooks.mjs', import.meta.url));

let dir = '';
let cert = '';
let key = '';
/** A self-signed certificate for 127.0.0.1, made for this run. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ub-tls-'));
  cert = join(dir, 'cert.pem');
  key = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' }); // prettier-ignore
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A request over HTTPS that trusts only the test's certificate. */
function secure(url: string, method: string, body?: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest(
      url,
      {
        method,
        ca: readFileSync(cert),
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Plain HTTP to the same port: whatever happens, no answer from the sync server. */
function plain(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest(url.replace('https:', 'http:'), (res) => resolve(`HTTP ${res.statusCode}`));
    req.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

describe.each(backends())('the sync server over HTTPS on $name', (backend) => {
  it('enrols a device, syncs and logs the admin in over TLS, and speaks no plain HTTP', async () => {
    const db = await backend.fresh();
    const app = await buildServer({ db, tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      await initialiseAdmin(db, ADMIN_PASSWORD);
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const { enrolmentCode } = await createUnion(db, 'TLS1', '加密工会');
      const enrol = await secure(`${url}/api/v1/enrol`, 'POST', {
        v: PROTOCOL_VERSION,
        unionCode: 'TLS1',
        enrolmentCode,
        deviceId: 'tlsdev',
        deviceName: '',
      });
      expect(enrol.status).toBe(200);
      const sync = await secure(`${url}/api/v1/sync`, 'POST', { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, String(enrol.body.token));
      expect(sync.status).toBe(200);
      expect((await secure(`${url}/api/admin/login`, 'POST', { password: ADMIN_PASSWORD })).status).toBe(200);
      expect(await plain(`${url}/api/health`)).not.toMatch(/^HTTP 200/);
    } finally {
      await app.close();
      await db.close();
      await backend.dispose();
    }
  });
});

/** Waits until the server prints the line naming its address. */
function started(child: ChildProcess): Promise<{ address: string; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const address = /同步服务器已启动：(\S+)（/.exec(out)?.[1];
      if (address && /日志：/.test(out)) setTimeout(() => resolve({ address, out, err }), 100);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`服务器退出（${code}）：${err}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('unionbooks server start with a certificate', () => {
  const env = { ...process.env, DATABASE_URL: '' };
  // One data folder for both starts: the second opens the embedded database the first created.
  const data = () => join(dir, 'cli-data');
  /** A process of its own: the command line's TypeScript and a new embedded database take a while to start. */
  const START_MS = 120_000;

  it('serves HTTPS with --tls-cert and --tls-key', { timeout: START_MS }, async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'server', 'start', '--port', '0', '--data', data(), '--admin-password', ADMIN_PASSWORD, '--tls-cert', cert, '--tls-key', key],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const { address, err } = await started(child);
      expect(address).toMatch(/^https:\/\//);
      expect(err).toBe('');
      expect((await secure(`${address}/api/admin/login`, 'POST', { password: ADMIN_PASSWORD })).status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('warns when it serves plain HTTP beyond this computer', { timeout: START_MS }, async () => {
    const child = spawn(process.execPath, [CLI, 'server', 'start', '--host', '0.0.0.0', '--port', '0', '--data', data()], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const { address, err } = await started(child);
      expect(address).toMatch(/^http:\/\//);
      expect(err).toMatch(/警告：服务器以未加密的 HTTP 在网络上提供服务/);
    } finally {
      await stop(child);
    }
  });

  it('refuses a certificate without its key, and a file that is no certificate', async () => {
    const half = await runCli('server', 'start', '--data', join(dir, 'x'), '--tls-cert', cert);
    expect(half.code).toBe(2);
    expect(half.err).toMatch(/--tls-cert 与 --tls-key 需要同时提供/);
    const wrong = await runCli('server', 'start', '--data', join(dir, 'x'), '--tls-cert', key, '--tls-key', key);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/证书或私钥无效/);
  });
});
