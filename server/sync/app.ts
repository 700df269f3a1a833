import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import type { Database } from './db';
import { installErrorHandler } from './errors';
import { migrate, migrationLevel, MIGRATIONS } from './migrations';
import { registerAdminRoutes } from './routes-admin';
import { registerDeviceRoutes } from './routes-device';
import { installSecurityHeaders } from './security-headers';
import { noLog, type ServerLog } from './server-log';

/**
 * How long a client may take. A first sync sends bodies of a few MiB; 16 MiB at 2 Mbit/s takes a
 * minute. A request still arriving after `requestMs`, or a connection silent for `connectionMs`,
 * is closed, so slow or stalled uploads cannot pile up.
 */
export interface ServerTimeouts {
  /** The whole request, headers and body. */
  requestMs: number;
  /** A connection with nothing sent or received. */
  connectionMs: number;
  /** An idle kept-alive connection between requests. */
  keepAliveMs: number;
  /** How often open requests are checked against `requestMs`. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { requestMs: 120_000, connectionMs: 60_000, keepAliveMs: 30_000, checkEveryMs: 5_000 };

export interface ServerOptions {
  db: Database;
  /** Attempts per minute per address on enrolment and admin login. */
  authRateLimit?: number;
  /** Built dashboard (server/dashboard → vite build); served at /dashboard/ when present. */
  dashboardDir?: string;
  /** The structured log (server-log.ts); none by default. */
  log?: ServerLog;
  /** Certificate and key (PEM): the server speaks HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  timeouts?: Partial<ServerTimeouts>;
  /** Behind a reverse proxy: the proxy's addresses, so rate limits see the client's own address. */
  trustProxy?: string;
  /** An admin session unused this long ends. */
  adminIdleMinutes?: number;
}

/** How long /api/health waits for the database before it reports it unavailable. */
const HEALTH_TIMEOUT_MS = 5_000;

function fastifyOptions(options: ServerOptions, log: ServerLog): FastifyServerOptions {
  const t = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = { connectionsCheckingInterval: t.checkEveryMs, headersTimeout: Math.min(t.requestMs, 30_000) };
  return {
    ...log.options,
    // Routes that take more say so (routes-device.ts, routes-admin.ts).
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: t.requestMs,
    connectionTimeout: t.connectionMs,
    keepAliveTimeout: t.keepAliveMs,
    ...(options.tls ? { https: { ...options.tls, ...server } } : { http: server }),
  } as FastifyServerOptions;
}

/** The sync server without listening: tests call `inject`, the CLI calls `listen`. Migrations run first. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  await migrate(db);
  const log = options.log ?? noLog();
  const app = Fastify(fastifyOptions(options, log)) as unknown as FastifyInstance;
  app.addHook('onClose', () => log.close());
  installSecurityHeaders(app);
  installErrorHandler(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate-limited',
      error: `尝试次数过多，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
    }),
  });
  // Each app server has its own clock node, so stateless servers sharing one database never mint equal stamps.
  const clock = new HybridLogicalClock(`server${randomBytes(4).toString('hex')}`);
  const rate = { max: options.authRateLimit ?? 10, timeWindow: '1 minute' };
  registerDeviceRoutes(app, db, clock, rate);
  registerAdminRoutes(app, db, clock, rate, options.adminIdleMinutes);
  // A real statement: a database that cannot answer makes the server unhealthy, not just slow. The
  // migration level tells a server whose database is behind its code (nothing there to use yet) from
  // one another server has moved ahead (additive migrations: this one still works).
  app.get('/api/health', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS);
    });
    const expected = MIGRATIONS.length;
    let applied: number;
    try {
      applied = await Promise.race([migrationLevel(db), late]);
    } catch {
      return reply.code(503).send({ ok: false, backend: db.kind, database: false, code: 'database', error: '数据库无响应' });
    } finally {
      clearTimeout(timer);
    }
    const migrations = { applied, expected };
    if (applied < expected) {
      return reply.code(503).send({
        ok: false,
        backend: db.kind,
        database: true,
        migrations,
        code: 'migration',
        error: `数据库结构为第 ${applied} 版，本服务器需要第 ${expected} 版`,
      });
    }
    return { ok: true, backend: db.kind, database: true, migrations };
  });
  if (options.dashboardDir && existsSync(options.dashboardDir)) {
    await app.register(fastifyStatic, { root: options.dashboardDir, prefix: '/dashboard/' });
    app.get('/', async (_request, reply) => reply.redirect('/dashboard/'));
  }
  return app;
}
