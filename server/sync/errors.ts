import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { checkSyncRequest } from '../../shared/sync/fast-check';
import type { SyncRequest } from '../../shared/sync/protocol';
import { describeIssues, versionProblem } from '../../shared/sync/schemas';
import { isTimeout } from './db-errors';
import { ClientError } from './store/util';

export function refuse(reply: FastifyReply, status: number, code: string, error: string): FastifyReply {
  return reply.code(status).send({ error, code });
}

/**
 * A refusal before the body was read (onRequest hooks): the connection is closed after the answer,
 * so the body the client is still sending is never read, let alone parsed.
 */
export function refuseUnread(reply: FastifyReply, status: number, code: string, error: string): FastifyReply {
  return refuse(reply.header('connection', 'close'), status, code, error);
}

/** Checks version then shape; on failure answers 400 with a Chinese message and returns null, so the route writes nothing. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply, versioned = true): T | null {
  const problem = versioned ? versionProblem(body) : null;
  if (problem) {
    refuse(reply, 400, 'version', problem);
    return null;
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    refuse(reply, 400, 'invalid', describeIssues(result.error));
    return null;
  }
  return result.data;
}

/** parseBody for the sync route, whose large batches take the hand-written check (same verdicts, same messages). */
export function parseSyncBody(body: unknown, reply: FastifyReply): SyncRequest | null {
  const problem = versionProblem(body);
  if (problem) {
    refuse(reply, 400, 'version', problem);
    return null;
  }
  const result = checkSyncRequest(body);
  if (!result.ok) {
    refuse(reply, 400, 'invalid', describeIssues(result.error));
    return null;
  }
  return result.data;
}

/** Fastify's own refusals (size, JSON syntax, rate limit) get Chinese messages too. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ClientError) return refuse(reply, error.status, error.code, error.message);
    if (isTimeout(error)) {
      reply.log.warn({ err: error }, '数据库超时');
      return refuse(reply, 503, 'busy', '服务器繁忙，请稍后再试');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, 'too-large', '请求内容过大，请分批同步或减少附件');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return refuse(reply, 415, 'media-type', '请求内容类型应为 application/json');
    if (error.statusCode === 429) return refuse(reply, 429, 'rate-limited', '尝试次数过多，请稍后再试');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(
        reply,
        error.statusCode,
        'bad-request',
        // The JSON parser refuses a key __proto__ (or constructor.prototype) the same way as bad syntax.
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? '请求内容不是有效的 JSON，或含有不允许的字段名（__proto__）'
          : error.code?.includes('JSON') || error instanceof SyntaxError
            ? '请求内容不是有效的 JSON'
            : `请求不合法：${error.message}`,
      );
    }
    reply.log.error({ err: error }, '服务器内部错误');
    return refuse(reply, 500, 'server-error', `服务器内部错误，请稍后再试（请求编号 ${request.id}）`);
  });
  app.setNotFoundHandler((_request, reply) => refuse(reply, 404, 'not-found', '地址不存在'));
}
