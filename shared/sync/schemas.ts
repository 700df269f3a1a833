import { z } from 'zod';
import { TABLE_NAMES, type TableName } from '../model/book';
import { checkChangeFields, checkFieldNames, checkSubmissionFacts } from './change-fields';
import { FIELD_PATTERN, HLC_PATTERN, ID_PATTERN } from './patterns';
import { LIMITS, NOTICES_KNOWN_MAX, PROTOCOL_VERSION } from './protocol';
import { textBoundsProblem } from './value-bounds';

export { FIELD_PATTERN, HLC_PATTERN, ID_PATTERN } from './patterns';

/**
 * Runtime checks of every request and response. The server trusts nothing it receives; the
 * client checks answers too, since a misconfigured address may reach some other server.
 */
const HLC = HLC_PATTERN;
const FIELD = FIELD_PATTERN;
const ID = ID_PATTERN;

export const versionSchema = z.number().int();
const tableSchema = z.enum(TABLE_NAMES as [TableName, ...TableName[]]);
const hlcSchema = z.string().regex(HLC, '时钟值格式不正确');

/** Free text a client sends outside a change's fields (names, codes) must be storable. */
export const storable = [(s: string) => textBoundsProblem(s) === null, '含有不允许的控制字符或无效字符'] as const;
export const cleanText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(...storable);

/**
 * A refusal whose message already names what it refers to (the table, row and field of a change)
 * and is told as it is, without the path of the request's JSON in front.
 */
const WHOLE = { whole: true } as const;
function refuseWhole(ctx: z.RefinementCtx, message: string | null): void {
  if (message) ctx.addIssue({ code: 'custom', message, params: WHOLE });
}
const fieldsSchema = z
  .record(z.string().regex(FIELD, '字段名不合法'), z.unknown())
  .refine((f) => Object.keys(f).length > 0 && Object.keys(f).length <= LIMITS.maxFieldsPerChange, '字段数量不合法')
  .refine((f) => !('updatedAt' in f) && !('deviceId' in f), '不能直接修改 updatedAt 或 deviceId');

export const wireChangeSchema = z
  .object({
    changeId: z.string().regex(ID, '变更编号不合法'),
    table: tableSchema,
    rowId: z.string().regex(ID, '记录编号不合法'),
    hlc: hlcSchema,
    fields: fieldsSchema,
  })
  .refine((c) => !('id' in c.fields) || c.fields.id === c.rowId, { message: '字段 id 与记录编号不一致', path: ['fields', 'id'] })
  .superRefine((c, ctx) => refuseWhole(ctx, checkFieldNames(c.table, c.rowId, c.fields) ?? checkChangeFields(c.table, c.rowId, c.fields)));

export const remoteRowSchema = z.object({
  table: tableSchema,
  rowId: z.string(),
  data: z.record(z.string(), z.unknown()),
  clocks: z.record(z.string(), z.string()),
  seq: z.number().int(),
});

export const enrolRequestSchema = z.object({
  v: versionSchema,
  unionCode: z
    .string()
    .trim()
    .min(1, '请填写工会代码')
    .max(64)
    .refine(...storable),
  enrolmentCode: z
    .string()
    .trim()
    .min(4, '请填写注册码')
    .max(64)
    .refine(...storable),
  deviceId: z.string().regex(ID, '设备编号不合法'),
  deviceName: cleanText(100).default(''),
});

export const enrolResponseSchema = z.object({
  v: versionSchema,
  token: z.string(),
  unionCode: z.string(),
  unionName: z.string(),
  enrolmentId: z.string().min(1).optional(),
  packageKey: z.string().min(40).optional(),
});

export const packageKeyResponseSchema = z.object({ v: versionSchema, enrolmentId: z.string().min(1), packageKey: z.string().min(40) });

/** 换届交接: the incoming computer asks the server to revoke the outgoing one (server/sync/store/handover-revoke.ts). */
export const handoverRevokeRequestSchema = z.object({
  v: versionSchema,
  deviceId: z.string().regex(ID, '设备编号不合法'),
  handoverId: z.string().regex(ID, '交接记录编号不合法'),
});

export const handoverRevokeResponseSchema = z.object({ v: versionSchema, revoked: z.array(z.string()) });

export const syncRequestSchema = z.object({
  v: versionSchema,
  changes: z.array(wireChangeSchema).max(LIMITS.maxChangesPerPush, `一次最多推送 ${LIMITS.maxChangesPerPush} 条变更`),
  cursor: z.number().int().min(0),
  pullLimit: z.number().int().min(0).max(LIMITS.maxPullLimit).optional(),
  notices: z.array(z.string().max(64)).max(NOTICES_KNOWN_MAX, `一次最多列出 ${NOTICES_KNOWN_MAX} 条已有通知`).optional(),
});

export const publishedItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['preset', 'template']),
  name: z.string(),
  payload: z.record(z.string(), z.unknown()),
  publishedAt: z.string(),
});

export const noticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  from: z.string(),
  publishedAt: z.string(),
  attachment: z.object({ name: z.string(), mimeType: z.string(), size: z.number().int().min(0) }).nullable(),
});

export const syncResponseSchema = z.object({
  v: versionSchema,
  acked: z.array(z.string()),
  rows: z.array(remoteRowSchema),
  cursor: z.number().int(),
  more: z.boolean(),
  pushed: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  published: z.array(publishedItemSchema),
  notices: z.array(noticeSchema).optional(),
  noticeChanges: z.object({ added: z.array(noticeSchema), gone: z.array(z.string()), more: z.boolean() }).optional(),
  serverTime: z.string(),
});

export const submissionRequestSchema = z.object({
  v: versionSchema,
  year: z.number().int().min(2000, '年度不合法').max(2100, '年度不合法'),
  recordId: z.string().regex(ID, '记录编号不合法'),
  facts: z.record(z.string(), z.unknown()).superRefine((facts, ctx) => refuseWhole(ctx, checkSubmissionFacts(facts))),
  documents: z
    .array(
      z.object({
        name: cleanText(200).pipe(z.string().min(1)),
        mimeType: cleanText(200),
        base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 base64'),
      }),
    )
    .max(20, '一次最多报送 20 个文件'),
});

export const submissionReceiptSchema = z.object({
  v: versionSchema,
  year: z.number().int(),
  receiptNumber: z.string(),
  submittedAt: z.string(),
  status: z.enum(['submitted', 'returned', 'accepted']),
  returnReason: z.string(),
  row: remoteRowSchema,
});

export const errorBodySchema = z.object({ error: z.string(), code: z.string() });

/** Checks `v` before the shape, so an old or new client is told to upgrade instead of getting a confusing field error. */
export function versionProblem(body: unknown): string | null {
  const v = typeof body === 'object' && body !== null ? (body as { v?: unknown }).v : undefined;
  if (v === PROTOCOL_VERSION) return null;
  if (typeof v !== 'number') return `缺少协议版本号 v（本服务器使用第 ${PROTOCOL_VERSION} 版）`;
  return `协议版本不一致：请求为第 ${v} 版，服务器使用第 ${PROTOCOL_VERSION} 版，请升级软件`;
}

/** A zod error as one Chinese sentence naming the first offending field. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '请求内容不合法';
  if (issue.code === 'custom' && (issue.params as typeof WHOLE | undefined)?.whole) return issue.message;
  const where = issue.path.length ? `字段 ${issue.path.join('.')}` : '请求';
  // A bad record key reports its own reason one level down.
  const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  const message = nested ?? issue.message;
  const custom = /[\u4e00-\u9fff]/.test(message) ? message : null;
  const generic: Record<string, string> = {
    invalid_type: '类型不正确或缺失',
    too_big: '超出允许的长度或数量',
    too_small: '太短或为空',
    invalid_format: '格式不正确',
    invalid_value: '取值不在允许范围内',
    unrecognized_keys: '包含不认识的字段',
  };
  return `${where}：${custom ?? generic[issue.code] ?? '不合法'}`;
}
