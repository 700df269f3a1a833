import { z } from 'zod';
import { NOTICE_ATTACHMENT_MAX_BYTES } from './protocol';
import { storable } from './schemas';
import type { UpwardStats } from './stats';

/** Requests of the upper union's dashboard (admin API), checked like every other payload. */
export const adminLoginSchema = z.object({
  /** The admin account; absent = the first admin of the root organisation (the server's original single admin). */
  name: z.string().trim().min(1).max(64).optional(),
  password: z.string().min(1, '请输入密码').max(200),
});

const codeSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}代码`)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, `${what}代码只能包含字母、数字、下划线和连字符`);

const nameSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}名称`)
    .max(100)
    .refine(...storable);

export const createUnionSchema = z.object({
  code: codeSchema('工会'),
  name: nameSchema('工会'),
  /** The organisation the union belongs to; absent = the admin's own. */
  org: codeSchema('组织').optional(),
});

export const createOrgSchema = z.object({
  code: codeSchema('组织'),
  name: nameSchema('组织'),
  /** Absent = directly under the admin's own organisation. */
  parent: codeSchema('组织').optional(),
});

export const createAdminSchema = z.object({
  org: codeSchema('组织'),
  name: z
    .string()
    .trim()
    .min(1, '请填写管理员登录名')
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, '管理员登录名只能包含字母、数字、点、下划线和连字符'),
  password: z.string().min(8, '管理员密码至少 8 位').max(200),
});

export const changePasswordSchema = z.object({
  current: z.string().min(1, '请输入当前密码').max(200),
  password: z.string().min(8, '新密码至少 8 位').max(200),
});

/** An organisation of the upper union's tree (市总工会 → 区县总工会 → 乡镇/产业工会 → …). */
export interface AdminOrg {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export const returnSubmissionSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, '请填写退回原因')
    .max(1000)
    .refine(...storable),
});

export const publishSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('preset'),
    name: z
      .string()
      .trim()
      .min(1, '请填写名称')
      .max(100)
      .refine(...storable),
    payload: z.object({
      presetId: z.enum(['anhui-2018', 'guizhou-2018', 'fujian-2018', 'beijing-2019', 'custom']),
      note: z
        .string()
        .max(2000)
        .refine(...storable)
        .default(''),
    }),
  }),
  z.object({
    kind: z.literal('template'),
    name: z
      .string()
      .trim()
      .min(1, '请填写名称')
      .max(100)
      .refine(...storable),
    payload: z.object({
      kind: z.enum(['annual-summary', 'finance-report', 'other']),
      source: z
        .string()
        .min(1, '模板内容不能为空')
        .max(200_000)
        .refine(...storable),
    }),
  }),
]);

const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

export const publishNoticeSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, '请填写通知标题')
    .max(100, '通知标题最多 100 字')
    .refine(...storable),
  body: z
    .string()
    .trim()
    .min(1, '请填写通知正文')
    .max(20_000, '通知正文最多 20000 字')
    .refine(...storable),
  /** The organisation whose unions receive it, in the admin's subtree; absent = the admin's own. */
  org: codeSchema('组织').optional(),
  attachment: z
    .object({
      name: z
        .string()
        .trim()
        .min(1, '附件缺少文件名')
        .max(200)
        .refine(...storable),
      mimeType: z
        .string()
        .max(200)
        .regex(/^[\w.+-]+\/[\w.+-]+$/, '附件类型不合法')
        .default('application/octet-stream'),
      base64: z
        .string()
        .min(1, '附件是空文件')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, '附件内容不是有效的 base64')
        .refine((b) => base64Bytes(b) <= NOTICE_ATTACHMENT_MAX_BYTES, `附件不能超过 ${NOTICE_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`),
    })
    .optional(),
});

/** A notice as its senders see it: to whom it went. */
export interface AdminNotice {
  id: string;
  title: string;
  body: string;
  from: string;
  to: { code: string; name: string };
  publishedAt: string;
  attachment: { name: string; mimeType: string; size: number } | null;
}

/** A union's row of the overview; its figures (shared/sync/stats.ts) include `invalidRows`, rows left out because a field they need has the wrong type. */
export interface AdminUnionRow extends UpwardStats {
  id: string;
  code: string;
  name: string;
  orgId: string;
  createdAt: string;
  lastSyncAt: string | null;
  devices: number;
  reportYear: number;
  reportStatus: '未报送' | '已报送' | '已退回' | '已接收';
  submissionId: string | null;
  receiptNumber: string;
  returnReason: string;
  documents: { index: number; name: string }[];
}

export interface AdminOverview {
  year: number;
  /** The admin's own organisation and everything below it, parents first, each with the totals of its subtree. */
  orgs: (AdminOrg & { depth: number; totals: AdminTotals })[];
  unions: AdminUnionRow[];
  totals: AdminTotals;
}

/** One page of the overview's unions: the totals and the tree are over the whole subtree, `unions` only the page. */
export interface AdminOverviewPage extends AdminOverview {
  page: { offset: number; limit: number; total: number };
}

export const REPORT_STATUSES = ['未报送', '已报送', '已退回', '已接收'] as const;
export const UNION_PAGE_MAX = 500;

/** Which unions of the subtree the overview lists, a page at a time: all of an organisation's subtree, a report status, a code or name. */
export const unionPageSchema = z.object({
  offset: z.coerce.number().int('页码不合法').min(0, '页码不合法').max(10_000_000, '页码不合法').default(0),
  limit: z.coerce
    .number()
    .int('每页条数不合法')
    .min(1, '每页条数不合法')
    .max(UNION_PAGE_MAX, `每页最多 ${UNION_PAGE_MAX} 个工会`)
    .default(50),
  org: codeSchema('组织').optional(),
  status: z.enum(REPORT_STATUSES, { message: '报送状态不合法' }).optional(),
  q: z.string().trim().max(100, '搜索内容最多 100 字').optional(),
  sort: z.enum(['code', 'name', 'lastSyncAt'], { message: '排序字段不合法' }).default('code'),
  order: z.enum(['asc', 'desc'], { message: '排序方向不合法' }).default('asc'),
});

export type UnionPageQuery = z.input<typeof unionPageSchema>;

export interface AdminTotals extends UpwardStats {
  unions: number;
  submitted: number;
}

/** A union's enrolled device as the dashboard and `server devices` list it. */
export interface DeviceListing {
  /** The server's id of the enrolment (what revoke takes). */
  id: string;
  /** The id the app gave itself. */
  deviceId: string;
  name: string;
  enrolledAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** What the audit log records of an admin, with its label on the dashboard. */
export const AUDIT_ACTIONS = {
  login: '登录',
  'login-failed': '登录失败',
  'org-created': '新增组织',
  'union-created': '新增工会',
  'code-issued': '发放注册码',
  'submission-returned': '退回报送',
  'submission-accepted': '接收报送',
  'password-changed': '修改密码',
  published: '发布',
  'notice-published': '发布通知',
  'documents-downloaded': '下载报送文件',
  'device-revoked': '撤销设备',
  'enrolment-file': '生成注册文件',
  'package-imported': '导入报送包',
  'device-handed-over': '换届交接撤销旧设备',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  id: number;
  at: string;
  /** The organisation the action concerns. */
  org: { code: string; name: string };
  admin: string;
  action: AuditAction;
  /** What it acted on (a union's or organisation's code, a submission's receipt number, a device). */
  target: string;
  address: string;
}
