import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { HybridLogicalClock } from '../../shared/clock/hlc';
import {
  adminLoginSchema,
  changePasswordSchema,
  createOrgSchema,
  createUnionSchema,
  publishNoticeSchema,
  publishSchema,
  returnSubmissionSchema,
  unionPageSchema,
} from '../../shared/sync/admin';
import { todayIso } from '../../shared/clock/today';
import { NOTICE_ATTACHMENT_MAX_BYTES } from '../../shared/sync/protocol';
import { reportPeriod } from '../../shared/sync/annual-report';
import { annualReportXlsx } from '../../shared/sync/annual-report-xlsx';
import type { Database } from './db';
import { parseBody, refuse, refuseUnread } from './errors';
import { bearer } from './routes-device';
import {
  ADMIN_IDLE_MINUTES,
  adminLogin,
  adminLogout,
  changeAdminPassword,
  checkAdminSession,
  FIRST_ADMIN_NAME,
  type AdminScope,
} from './store/admin';
import { annualReport } from './store/annual-report';
import { listAudit, loginOrg, recordAudit } from './store/audit';
import { listDevices, revokeDevice, unionOfSubtree } from './store/devices';
import { createOrg, getOrg, requireOrg } from './store/orgs';
import { adminOverview } from './store/overview';
import { submittedDocumentsZip } from './store/documents-zip';
import { listNotices, publishNotice } from './store/notices';
import { listPublished, publish } from './store/published';
import { acceptSubmission, getDocument, returnSubmission, type StoredSubmission } from './store/submissions';
import { createUnion, issueCode } from './store/unions';
import { importPackage, issueEnrolmentFile } from './store/packages';
import { PackageError } from '../../shared/sync/package/package-error';

/** A package carries a whole book the first time: as much as a large union's first sync. */
const PACKAGE_BODY_BYTES = 256 * 1024 * 1024;

const scopes = new WeakMap<FastifyRequest, AdminScope>();

/** The admin of a request that passed requireAdmin: every route works inside its organisation's subtree. */
function scopeOf(request: FastifyRequest): AdminScope {
  const scope = scopes.get(request);
  if (!scope) throw new Error('admin route without requireAdmin');
  return scope;
}

/** Checked before the body is read, like a device's token (routes-device.ts). */
function requireAdmin(db: Database, idleMinutes: number): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(request);
    const scope = token ? await checkAdminSession(db, token, idleMinutes) : null;
    if (scope) {
      scopes.set(request, scope);
      return;
    }
    return refuseUnread(reply, 401, 'unauthorised', '请先以上级工会管理员身份登录');
  };
}

const DECISION_MESSAGES = { 'submission-returned': '管理员退回报送', 'submission-accepted': '管理员接收报送' } as const;

/** An admin's decision on a submission, in the server log and in the audit log of the union's organisation. */
async function logDecision(
  db: Database,
  request: FastifyRequest,
  action: keyof typeof DECISION_MESSAGES,
  submission: StoredSubmission,
): Promise<void> {
  const scope = scopeOf(request);
  request.log.info(
    { event: `admin.${action}`, admin: scope.name, submission: submission.id, year: submission.year },
    DECISION_MESSAGES[action],
  );
  const union = await unionOfSubtree(db, scope.orgId, { id: submission.unionId });
  await recordAudit(db, {
    orgId: union.org_id,
    admin: scope.name,
    action,
    target: `${union.code} ${submission.receiptNumber}`,
    address: request.ip,
  });
}

/**
 * The upper union's dashboard API. Device tokens never open these routes: admin sessions live in
 * their own table. Every action that changes something is written to the log.
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  db: Database,
  clock: HybridLogicalClock,
  rate: { max: number; timeWindow: string },
  idleMinutes = ADMIN_IDLE_MINUTES,
): void {
  const admin = requireAdmin(db, idleMinutes);

  app.post('/api/admin/login', { config: { rateLimit: rate }, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseBody(adminLoginSchema, request.body, reply, false);
    if (!body) return reply;
    const token = await adminLogin(db, body.password, idleMinutes, body.name);
    await recordAudit(db, {
      orgId: await loginOrg(db, body.name),
      admin: body.name ?? FIRST_ADMIN_NAME,
      action: token ? 'login' : 'login-failed',
      address: request.ip,
    });
    request.log.info({ event: 'admin.login', admin: body.name ?? '', ok: !!token }, token ? '管理员登录' : '管理员登录失败：密码不正确');
    if (!token) return refuse(reply, 401, 'wrong-password', body.name ? '登录名或密码不正确' : '密码不正确');
    return { token };
  });

  app.post('/api/admin/logout', { onRequest: admin, bodyLimit: 1024 }, async (request) => {
    await adminLogout(db, bearer(request)!);
    request.log.info({ event: 'admin.logout', admin: scopeOf(request).name }, '管理员退出登录');
    return { ok: true };
  });

  // The organisations' totals and one page of the unions (offset, limit, org, status, q, sort, order: unionPageSchema).
  app.get<{ Querystring: Record<string, string | undefined> }>('/api/admin/overview', { onRequest: admin }, async (request, reply) => {
    const { year: yearText, ...rest } = request.query;
    const year = yearText ? Number(yearText) : new Date().getFullYear();
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return refuse(reply, 400, 'invalid', '年度不合法');
    const page = parseBody(unionPageSchema, rest, reply, false);
    if (!page) return reply;
    return adminOverview(db, year, scopeOf(request).orgId, page);
  });

  app.get<{ Querystring: { year?: string; from?: string; to?: string; org?: string } }>(
    '/api/admin/annual-stats',
    { onRequest: admin },
    async (request, reply) => {
      const year = Number(request.query.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) return refuse(reply, 400, 'invalid', '年度不合法');
      const period = reportPeriod(year, request.query.from || undefined, request.query.to || undefined);
      if (typeof period === 'string') return refuse(reply, 400, 'invalid', period.replace(/^--(from|to)：/, ''));
      const scope = scopeOf(request);
      const top = request.query.org ? await requireOrg(db, scope.orgId, request.query.org) : { id: scope.orgId };
      const report = await annualReport(db, top.id, year, period);
      const org = report.orgs[0]!;
      const bytes = await annualReportXlsx(report, { title: org.name, madeOn: todayIso() });
      request.log.info({ event: 'admin.annual-stats', admin: scope.name, org: org.code, year }, '管理员导出统计年报');
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`统计年报-${year}-${org.code}.xlsx`)}`)
        .send(Buffer.from(bytes));
    },
  );

  app.post('/api/admin/orgs', { onRequest: admin, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseBody(createOrgSchema, request.body, reply, false);
    if (!body) return reply;
    const scope = scopeOf(request);
    const org = await createOrg(db, scope.orgId, { code: body.code, name: body.name, parentCode: body.parent });
    request.log.info({ event: 'admin.org-created', admin: scope.name, org: org.code }, '管理员新增组织');
    await recordAudit(db, {
      orgId: org.parentId ?? org.id,
      admin: scope.name,
      action: 'org-created',
      target: org.code,
      address: request.ip,
    });
    return org;
  });

  app.post('/api/admin/unions', { onRequest: admin, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseBody(createUnionSchema, request.body, reply, false);
    if (!body) return reply;
    const scope = scopeOf(request);
    const org = body.org ? await requireOrg(db, scope.orgId, body.org) : { id: scope.orgId };
    const created = await createUnion(db, body.code, body.name, org.id);
    request.log.info({ event: 'admin.union-created', admin: scope.name, union: created.union.code }, '管理员新增工会');
    await recordAudit(db, { orgId: org.id, admin: scope.name, action: 'union-created', target: created.union.code, address: request.ip });
    return created;
  });

  app.post<{ Params: { id: string } }>('/api/admin/unions/:id/codes', { onRequest: admin, bodyLimit: 1024 }, async (request) => {
    const scope = scopeOf(request);
    const found = await unionOfSubtree(db, scope.orgId, { id: request.params.id });
    const enrolmentCode = await issueCode(db, found.id);
    request.log.info({ event: 'admin.code-issued', admin: scope.name, union: found.code }, '管理员发放注册码');
    await recordAudit(db, { orgId: found.org_id, admin: scope.name, action: 'code-issued', target: found.code, address: request.ip });
    return { enrolmentCode };
  });

  // 下载注册文件: the passcode is in this answer only (never stored, never logged); the dashboard shows it once.
  app.post<{ Params: { id: string } }>(
    '/api/admin/unions/:id/enrolment-file',
    { onRequest: admin, bodyLimit: 1024 },
    async (request, reply) => {
      const scope = scopeOf(request);
      const union = await unionOfSubtree(db, scope.orgId, { id: request.params.id });
      const file = await issueEnrolmentFile(db, union);
      request.log.info({ event: 'admin.enrolment-file', admin: scope.name, union: union.code }, '管理员生成注册文件');
      await recordAudit(db, { orgId: union.org_id, admin: scope.name, action: 'enrolment-file', target: union.code, address: request.ip });
      return reply
        .header('cache-control', 'no-store')
        .send({ fileName: file.fileName, file: Buffer.from(file.bytes).toString('base64'), passcode: file.passcode });
    },
  );

  // An offline union's package, uploaded as the file's bytes; the reply comes back in the answer for the admin to download.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: PACKAGE_BODY_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.post<{ Params: { id: string } }>(
    '/api/admin/unions/:id/packages',
    { onRequest: admin, bodyLimit: PACKAGE_BODY_BYTES },
    async (request, reply) => {
      const scope = scopeOf(request);
      const union = await unionOfSubtree(db, scope.orgId, { id: request.params.id });
      if (!Buffer.isBuffer(request.body)) return refuse(reply, 400, 'invalid', '请上传离线报送包文件（.ubpkg）');
      try {
        const imported = await importPackage(db, clock, new Uint8Array(request.body), { code: union.code });
        const { report } = imported;
        request.log.info({ event: 'admin.package-imported', admin: scope.name, union: union.code, seq: report.seq }, '管理员导入报送包');
        await recordAudit(db, {
          orgId: union.org_id,
          admin: scope.name,
          action: 'package-imported',
          target: `${union.code} 第 ${report.seq} 号`,
          address: request.ip,
        });
        const replyName = `${union.code}-回执包-${String(report.seq).padStart(3, '0')}.ubreply`;
        return { ...report, replyName, reply: Buffer.from(imported.reply).toString('base64') };
      } catch (error) {
        if (error instanceof PackageError) return refuse(reply, 400, error.code, error.message);
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string } }>('/api/admin/unions/:id/devices', { onRequest: admin }, async (request) => {
    const union = await unionOfSubtree(db, scopeOf(request).orgId, { id: request.params.id });
    return listDevices(db, union.id);
  });

  app.post<{ Params: { id: string; device: string } }>(
    '/api/admin/unions/:id/devices/:device/revoke',
    { onRequest: admin, bodyLimit: 1024 },
    async (request) => {
      const scope = scopeOf(request);
      const union = await unionOfSubtree(db, scope.orgId, { id: request.params.id });
      const revoked = await revokeDevice(db, union.id, request.params.device);
      request.log.info(
        { event: 'admin.device-revoked', admin: scope.name, union: union.code, devices: revoked.map((d) => d.id) },
        '管理员撤销设备',
      );
      await recordAudit(db, {
        orgId: union.org_id,
        admin: scope.name,
        action: 'device-revoked',
        target: `${union.code} ${revoked.map((d) => d.name || d.deviceId).join('、')}`,
        address: request.ip,
      });
      return revoked;
    },
  );

  app.get<{ Params: { id: string; index: string } }>(
    '/api/admin/submissions/:id/documents/:index',
    { onRequest: admin },
    async (request, reply) => {
      const index = Number(request.params.index);
      const doc = Number.isInteger(index) && index >= 0 ? await getDocument(db, request.params.id, index, scopeOf(request).orgId) : null;
      if (!doc) return refuse(reply, 404, 'no-document', '文件不存在');
      return reply
        .header('content-type', doc.mimeType || 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
        .send(doc.bytes);
    },
  );

  app.get<{ Querystring: { year?: string; org?: string } }>('/api/admin/documents', { onRequest: admin }, async (request, reply) => {
    const year = Number(request.query.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return refuse(reply, 400, 'invalid', '年度不合法');
    const scope = scopeOf(request);
    const org = request.query.org ? await requireOrg(db, scope.orgId, request.query.org) : await getOrg(db, scope.orgId);
    const zip = await submittedDocumentsZip(db, org.id, year);
    if (!zip) return refuse(reply, 404, 'no-documents', `${org.name} ${year} 年度还没有已报送的文件`);
    request.log.info({ event: 'admin.documents-downloaded', admin: scope.name, org: org.code, year }, '管理员下载报送文件');
    await recordAudit(db, {
      orgId: org.id,
      admin: scope.name,
      action: 'documents-downloaded',
      target: `${org.code} ${year}`,
      address: request.ip,
    });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`报送文件-${year}-${org.code}.zip`)}`)
      .send(zip);
  });

  app.post<{ Params: { id: string } }>(
    '/api/admin/submissions/:id/return',
    { onRequest: admin, bodyLimit: 16 * 1024 },
    async (request, reply) => {
      const body = parseBody(returnSubmissionSchema, request.body, reply, false);
      if (!body) return reply;
      const scope = scopeOf(request);
      const returned = await returnSubmission(db, clock, request.params.id, body.reason, scope.orgId);
      await logDecision(db, request, 'submission-returned', returned);
      return returned;
    },
  );

  app.post<{ Params: { id: string } }>('/api/admin/submissions/:id/accept', { onRequest: admin, bodyLimit: 1024 }, async (request) => {
    const scope = scopeOf(request);
    const accepted = await acceptSubmission(db, clock, request.params.id, scope.orgId);
    await logDecision(db, request, 'submission-accepted', accepted);
    return accepted;
  });

  app.post('/api/admin/password', { onRequest: admin, config: { rateLimit: rate }, bodyLimit: 4096 }, async (request, reply) => {
    const body = parseBody(changePasswordSchema, request.body, reply, false);
    if (!body) return reply;
    const scope = scopeOf(request);
    const changed = await changeAdminPassword(db, { adminId: scope.adminId, token: bearer(request)! }, body.current, body.password);
    request.log.info(
      { event: 'admin.password-changed', admin: scope.name, ok: changed },
      changed ? '管理员修改密码' : '管理员修改密码失败',
    );
    if (!changed) return refuse(reply, 403, 'wrong-password', '当前密码不正确');
    await recordAudit(db, { orgId: scope.orgId, admin: scope.name, action: 'password-changed', address: request.ip });
    return { ok: true };
  });

  app.get('/api/admin/audit', { onRequest: admin }, async (request) => listAudit(db, scopeOf(request).orgId));

  app.get('/api/admin/published', { onRequest: admin }, async (request) => listPublished(db, scopeOf(request).orgId));

  app.post('/api/admin/published', { onRequest: admin, bodyLimit: 512 * 1024 }, async (request, reply) => {
    const body = parseBody(publishSchema, request.body, reply, false);
    if (!body) return reply;
    const scope = scopeOf(request);
    const item = await publish(db, scope.orgId, body);
    request.log.info({ event: 'admin.published', admin: scope.name, kind: item.kind, id: item.id }, '管理员发布');
    await recordAudit(db, { orgId: scope.orgId, admin: scope.name, action: 'published', target: body.name, address: request.ip });
    return item;
  });

  app.get('/api/admin/notices', { onRequest: admin }, async (request) => listNotices(db, scopeOf(request).orgId));

  // The attachment arrives as base64 inside the JSON body: its bound plus room for the text.
  const noticeBodyLimit = Math.ceil((NOTICE_ATTACHMENT_MAX_BYTES * 4) / 3) + 256 * 1024;
  app.post('/api/admin/notices', { onRequest: admin, bodyLimit: noticeBodyLimit }, async (request, reply) => {
    const body = parseBody(publishNoticeSchema, request.body, reply, false);
    if (!body) return reply;
    const scope = scopeOf(request);
    const to = body.org ? await requireOrg(db, scope.orgId, body.org) : await getOrg(db, scope.orgId);
    const notice = await publishNotice(db, { fromOrgId: scope.orgId, to, title: body.title, body: body.body, attachment: body.attachment });
    request.log.info({ event: 'admin.notice-published', admin: scope.name, org: to.code, id: notice.id }, '管理员发布通知');
    await recordAudit(db, {
      orgId: to.id,
      admin: scope.name,
      action: 'notice-published',
      target: `${to.code} ${body.title}`,
      address: request.ip,
    });
    return notice;
  });
}
