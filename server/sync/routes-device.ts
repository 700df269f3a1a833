import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HybridLogicalClock } from '../../shared/clock/hlc';
import { LIMITS, PROTOCOL_VERSION, type EnrolResponse } from '../../shared/sync/protocol';
import { enrolRequestSchema, submissionRequestSchema } from '../../shared/sync/schemas';
import type { Database } from './db';
import { parseBody, parseSyncBody, refuse } from './errors';
import { currentSubmissions, submitYear } from './store/submissions';
import { syncRound } from './store/sync';
import { authenticateDevice, enrolDevice, type DeviceAuth } from './store/unions';

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  return match ? match[1]! : null;
}

/**
 * Tokens this server checked in the last minute. A device syncs every minute and a first sync is
 * a few hundred requests in a row, so most requests skip the database read. Only tokens the
 * database accepted are kept, and only for TOKEN_CACHE_MS.
 */
const TOKEN_CACHE_MS = 60_000;
const TOKEN_CACHE_MAX = 20_000;

class TokenCache {
  private readonly entries = new Map<string, { device: DeviceAuth; at: number }>();

  get(token: string, now: number): DeviceAuth | null {
    const hit = this.entries.get(token);
    if (!hit) return null;
    if (now - hit.at < TOKEN_CACHE_MS) return hit.device;
    this.entries.delete(token);
    return null;
  }

  set(token: string, device: DeviceAuth, now: number): void {
    // Oldest first: a Map keeps insertion order.
    if (this.entries.size >= TOKEN_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { device, at: now });
  }
}

/** Every device route starts here: the token decides the union, never anything in the body. */
async function requireDevice(db: Database, tokens: TokenCache, request: FastifyRequest, reply: FastifyReply): Promise<DeviceAuth | null> {
  const token = bearer(request);
  const now = Date.now();
  let device = token ? tokens.get(token, now) : null;
  if (token && !device) {
    device = await authenticateDevice(db, token);
    if (device) tokens.set(token, device, now);
  }
  if (!device) refuse(reply, 401, 'unauthorised', '设备未注册或凭证已失效，请在同步页重新注册');
  return device;
}

export function registerDeviceRoutes(
  app: FastifyInstance,
  db: Database,
  clock: HybridLogicalClock,
  rate: { max: number; timeWindow: string },
): void {
  const tokens = new TokenCache();
  // Devices reach the server from the desktop app or a browser on another origin; tokens travel in a header, never cookies, so any origin may ask.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
  });
  app.options('/api/v1/*', async (_request, reply) => reply.code(204).send());

  app.post('/api/v1/enrol', { config: { rateLimit: rate }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const body = parseBody(enrolRequestSchema, request.body, reply);
    if (!body) return reply;
    const { token, union } = await enrolDevice(db, body);
    const response: EnrolResponse = { v: PROTOCOL_VERSION, token, unionCode: union.code, unionName: union.name };
    return response;
  });

  app.post('/api/v1/sync', { bodyLimit: LIMITS.syncBodyBytes }, async (request, reply) => {
    const device = await requireDevice(db, tokens, request, reply);
    if (!device) return reply;
    const body = parseSyncBody(request.body, reply);
    if (!body) return reply;
    return syncRound(db, device, body);
  });

  app.post('/api/v1/submissions', { bodyLimit: LIMITS.submissionBodyBytes }, async (request, reply) => {
    const device = await requireDevice(db, tokens, request, reply);
    if (!device) return reply;
    const body = parseBody(submissionRequestSchema, request.body, reply);
    if (!body) return reply;
    return submitYear(db, clock, { id: device.unionId, code: device.unionCode }, body);
  });

  app.get<{ Params: { year: string } }>('/api/v1/submissions/:year', async (request, reply) => {
    const device = await requireDevice(db, tokens, request, reply);
    if (!device) return reply;
    const year = Number(request.params.year);
    if (!Number.isInteger(year)) return refuse(reply, 400, 'invalid', '年度不合法');
    const [current] = await currentSubmissions(db, year, device.unionId);
    if (!current) return refuse(reply, 404, 'no-submission', `${year} 年度尚未报送`);
    return {
      v: PROTOCOL_VERSION,
      year,
      receiptNumber: current.receiptNumber,
      submittedAt: current.submittedAt,
      status: current.status,
      returnReason: current.returnReason,
    };
  });
}
