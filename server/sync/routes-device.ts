import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { HybridLogicalClock } from '../../shared/clock/hlc';
import { keepDeclaredFields } from '../../shared/sync/change-fields';
import { LIMITS, PROTOCOL_VERSION, type EnrolResponse, type PackageKeyResponse } from '../../shared/sync/protocol';
import { enrolRequestSchema, handoverRevokeRequestSchema, submissionRequestSchema } from '../../shared/sync/schemas';
import type { Database } from './db';
import { parseBody, parseSyncBody, refuse, refuseUnread } from './errors';
import { revocationGeneration } from './store/devices';
import { revokeHandedOverDevice } from './store/handover-revoke';
import { noticeAttachment } from './store/notices';
import { devicePackageKey } from './store/packages';
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
 * a few hundred requests in a row, so most requests skip the token lookup. Only tokens the
 * database accepted are kept, only for TOKEN_CACHE_MS, and only under the revocation generation
 * they were checked in: once any device is revoked (on any app server), every cached token is
 * checked again on its next request.
 */
const TOKEN_CACHE_MS = 60_000;
const TOKEN_CACHE_MAX = 20_000;

class TokenCache {
  private readonly entries = new Map<string, { device: DeviceAuth; at: number; generation: number }>();

  get(token: string, now: number, generation: number): DeviceAuth | null {
    const hit = this.entries.get(token);
    if (!hit) return null;
    if (now - hit.at < TOKEN_CACHE_MS && hit.generation === generation) return hit.device;
    this.entries.delete(token);
    return null;
  }

  set(token: string, device: DeviceAuth, now: number, generation: number): void {
    // Oldest first: a Map keeps insertion order.
    if (this.entries.size >= TOKEN_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { device, at: now, generation });
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The device whose token opened a device route (set before the body is read). */
    device: DeviceAuth | null;
  }
}

/**
 * Every device route starts here, before its body is read: a request without a valid token is
 * answered at once and its connection closed, so an anonymous upload costs the server nothing.
 * The token decides the union, never anything in the body.
 */
function requireDevice(db: Database, tokens: TokenCache): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(request);
    const now = Date.now();
    // Read before the lookup: a revocation committed between the two leaves the entry under the older generation.
    const generation = token ? await revocationGeneration(db) : 0;
    let device = token ? tokens.get(token, now, generation) : null;
    if (token && !device) {
      device = await authenticateDevice(db, token);
      if (device) tokens.set(token, device, now, generation);
    }
    if (!device) return refuseUnread(reply, 401, 'unauthorised', '设备未注册或凭证已失效，请在同步页重新注册');
    request.device = device;
    // Every line this request logs, its error included, names the union.
    request.log = reply.log = request.log.child({ union: device.unionCode });
  };
}

/** Set by requireDevice, which every route using this runs first. */
function deviceOf(request: FastifyRequest): DeviceAuth {
  if (!request.device) throw new Error('device route without requireDevice');
  return request.device;
}

export function registerDeviceRoutes(
  app: FastifyInstance,
  db: Database,
  clock: HybridLogicalClock,
  rate: { max: number; timeWindow: string },
): void {
  const tokens = new TokenCache();
  const device = requireDevice(db, tokens);
  app.decorateRequest('device', null);
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
    const { token, union, enrolmentId, packageKey } = await enrolDevice(db, body);
    request.log.info({ event: 'device.enrolled', union: union.code, deviceId: body.deviceId }, '设备已注册');
    const response: EnrolResponse = { v: PROTOCOL_VERSION, token, unionCode: union.code, unionName: union.name, enrolmentId, packageKey };
    return reply.header('cache-control', 'no-store').send(response);
  });

  // A device enrolled before keys came with enrolment asks for its own: the token names the device, nothing else does.
  app.post('/api/v1/package-key', { onRequest: device, bodyLimit: 1024 }, async (request, reply) => {
    const response: PackageKeyResponse = { v: PROTOCOL_VERSION, ...(await devicePackageKey(db, deviceOf(request).deviceRowId)) };
    return reply.header('cache-control', 'no-store').send(response);
  });

  app.post('/api/v1/sync', { onRequest: device, bodyLimit: LIMITS.syncBodyBytes }, async (request, reply) => {
    const body = parseSyncBody(request.body, reply);
    if (!body) return reply;
    const { changes, dropped } = keepDeclaredFields(body.changes);
    if (dropped.size) request.log.info({ event: 'sync.fields-dropped', fields: Object.fromEntries(dropped) }, '已忽略记录声明中没有的字段');
    return syncRound(db, deviceOf(request), { ...body, changes });
  });

  app.post('/api/v1/submissions', { onRequest: device, bodyLimit: LIMITS.submissionBodyBytes }, async (request, reply) => {
    const body = parseBody(submissionRequestSchema, request.body, reply);
    if (!body) return reply;
    const { unionId, unionCode } = deviceOf(request);
    const receipt = await submitYear(db, clock, { id: unionId, code: unionCode }, body);
    request.log.info({ event: 'submission.received', year: body.year, receipt: receipt.receiptNumber }, '已收到年度报送');
    return receipt;
  });

  app.get<{ Params: { year: string } }>('/api/v1/submissions/:year', { onRequest: device }, async (request, reply) => {
    const device = deviceOf(request);
    const year = Number(request.params.year);
    if (!Number.isInteger(year)) return refuse(reply, 400, 'invalid', '年度不合法');
    const [current] = await currentSubmissions(db, year, { unionId: device.unionId });
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

  app.post('/api/v1/handover/revoke', { onRequest: device, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const body = parseBody(handoverRevokeRequestSchema, request.body, reply);
    if (!body) return reply;
    const revoked = await revokeHandedOverDevice(db, deviceOf(request), { ...body, address: request.ip });
    request.log.info({ event: 'device.handed-over', target: body.deviceId, handover: body.handoverId }, '换届交接：已撤销旧设备');
    return { v: PROTOCOL_VERSION, revoked };
  });

  // Only a union the notice reaches gets its attachment; any other id is as missing as one that never existed.
  app.get<{ Params: { id: string } }>('/api/v1/notices/:id/attachment', { onRequest: device }, async (request, reply) => {
    const found = await noticeAttachment(db, deviceOf(request).orgId, request.params.id);
    if (!found) return refuse(reply, 404, 'no-attachment', '通知附件不存在');
    return reply
      .header('content-type', found.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.name)}`)
      .send(found.bytes);
  });
}
