import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HybridLogicalClock } from '../../shared/clock/hlc';
import { adminLoginSchema, createUnionSchema, publishSchema, returnSubmissionSchema } from '../../shared/sync/admin';
import type { Database } from './db';
import { parseBody, refuse } from './errors';
import { bearer } from './routes-device';
import { adminLogin, checkAdminSession } from './store/admin';
import { adminOverview } from './store/overview';
import { listPublished, publish } from './store/published';
import { getDocument, returnSubmission } from './store/submissions';
import { createUnion, issueCode } from './store/unions';

async function requireAdmin(db: Database, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const token = bearer(request);
  if (token && (await checkAdminSession(db, token))) return true;
  refuse(reply, 401, 'unauthorised', '请先以上级工会管理员身份登录');
  return false;
}

/** The upper union's dashboard API. Device tokens never open these routes: admin sessions live in their own table. */
export function registerAdminRoutes(
  app: FastifyInstance,
  db: Database,
  clock: HybridLogicalClock,
  rate: { max: number; timeWindow: string },
): void {
  app.post('/api/admin/login', { config: { rateLimit: rate }, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseBody(adminLoginSchema, request.body, reply, false);
    if (!body) return reply;
    const token = await adminLogin(db, body.password);
    if (!token) return refuse(reply, 401, 'wrong-password', '密码不正确');
    return { token };
  });

  app.get<{ Querystring: { year?: string } }>('/api/admin/overview', async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    const year = request.query.year ? Number(request.query.year) : new Date().getFullYear();
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return refuse(reply, 400, 'invalid', '年度不合法');
    return adminOverview(db, year);
  });

  app.post('/api/admin/unions', { bodyLimit: 4096 }, async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    const body = parseBody(createUnionSchema, request.body, reply, false);
    if (!body) return reply;
    return createUnion(db, body.code, body.name);
  });

  app.post<{ Params: { id: string } }>('/api/admin/unions/:id/codes', async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    const found = await db.query('SELECT 1 FROM unions WHERE id = $1', [request.params.id]);
    if (!found.length) return refuse(reply, 404, 'no-union', '工会不存在');
    return { enrolmentCode: await issueCode(db, request.params.id) };
  });

  app.get<{ Params: { id: string; index: string } }>('/api/admin/submissions/:id/documents/:index', async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    const index = Number(request.params.index);
    const doc = Number.isInteger(index) && index >= 0 ? await getDocument(db, request.params.id, index) : null;
    if (!doc) return refuse(reply, 404, 'no-document', '文件不存在');
    return reply
      .header('content-type', doc.mimeType || 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
      .send(doc.bytes);
  });

  app.post<{ Params: { id: string } }>('/api/admin/submissions/:id/return', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    const body = parseBody(returnSubmissionSchema, request.body, reply, false);
    if (!body) return reply;
    return returnSubmission(db, clock, request.params.id, body.reason);
  });

  app.get('/api/admin/published', async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    return listPublished(db);
  });

  app.post('/api/admin/published', { bodyLimit: 512 * 1024 }, async (request, reply) => {
    if (!(await requireAdmin(db, request, reply))) return reply;
    const body = parseBody(publishSchema, request.body, reply, false);
    if (!body) return reply;
    return publish(db, body);
  });
}
