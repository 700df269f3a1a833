import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import type { Database } from './db';
import { installErrorHandler } from './errors';
import { migrate } from './migrations';
import { registerAdminRoutes } from './routes-admin';
import { registerDeviceRoutes } from './routes-device';

export interface ServerOptions {
  db: Database;
  /** Attempts per minute per address on enrolment and admin login. */
  authRateLimit?: number;
  /** Built dashboard (server/dashboard → vite build); served at /dashboard/ when present. */
  dashboardDir?: string;
  logger?: boolean;
}

/** The sync server without listening: tests call `inject`, the CLI calls `listen`. Migrations run first. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  await migrate(db);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });
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
  registerAdminRoutes(app, db, clock, rate);
  app.get('/api/health', async () => ({ ok: true, backend: db.kind }));
  if (options.dashboardDir && existsSync(options.dashboardDir)) {
    await app.register(fastifyStatic, { root: options.dashboardDir, prefix: '/dashboard/' });
    app.get('/', async (_request, reply) => reply.redirect('/dashboard/'));
  }
  return app;
}
