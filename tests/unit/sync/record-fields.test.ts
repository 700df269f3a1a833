import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import type { Database } from '../../../server/sync/db';
import { migrate, MIGRATIONS } from '../../../server/sync/migrations';
import { fileLog } from '../../../server/sync/server-log';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { TABLE_NAMES, type TableName } from '../../../shared/model/book';
import type { FieldSpec } from '../../../shared/records/spec';
import { RECORDS } from '../../../shared/records/tables';
import { checkChangeFields, keepDeclaredFields } from '../../../shared/sync/change-fields';
import { checkSyncRequest } from '../../../shared/sync/fast-check';
import { PROTOCOL_VERSION, type WireChange } from '../../../shared/sync/protocol';
import { describeIssues, syncRequestSchema } from '../../../shared/sync/schemas';
import { VALUE_BOUNDS } from '../../../shared/sync/value-bounds';
import { encodeFields } from '../../../shared/sync/wire';
import { backends } from './backends';
import { ADMIN_PASSWORD, countWrites, MEMBER, post, unionWithDevices, type TestDevice } from './harness';

const HLC = `${'0'.repeat(15)}-000000-a`;
const change = (table: TableName, rowId: string, fields: Record<string, unknown>, n = 1): WireChange => ({
  changeId: `d:${rowId}:${n}`,
  table,
  rowId,
  hlc: HLC,
  fields,
});

/** Where a declaration reaches past the generic bounds (value-bounds.ts), which the server then would not hold. */
function beyondBounds(spec: FieldSpec, depth = 1): string | null {
  switch (spec.kind) {
    case 'text':
      return spec.max <= VALUE_BOUNDS.maxTextChars ? null : 'max';
    case 'int':
    case 'fen':
      return Math.max(Math.abs(spec.min), Math.abs(spec.max)) <= VALUE_BOUNDS.maxAbsNumber ? null : 'range';
    case 'refs':
      return spec.maxItems <= VALUE_BOUNDS.maxItems ? null : 'maxItems';
    case 'bytes':
      return Math.ceil(spec.maxBytes / 3) * 4 <= VALUE_BOUNDS.maxBytesChars ? null : 'maxBytes';
    case 'object':
      if (depth > VALUE_BOUNDS.maxDepth) return 'depth';
      for (const inner of Object.values(spec.fields)) {
        const problem = beyondBounds(inner, depth + 1);
        if (problem) return problem;
      }
      return null;
    default:
      return null;
  }
}

describe('pushed fields held to their record declarations', () => {
  it('keeps every declaration within the bounds that hold for any value', () => {
    for (const table of TABLE_NAMES) {
      for (const [field, spec] of Object.entries(RECORDS[table].fields as Record<string, FieldSpec>)) {
        expect(beyondBounds(spec), `${table}.${field}`).toBeNull();
      }
    }
  });

  it('accepts every row of a demo book as the app pushes it', () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12' });
    let checked = 0;
    for (const table of TABLE_NAMES) {
      for (const row of book[table] as unknown as Record<string, unknown>[]) {
        const { updatedAt: _u, deviceId: _d, ...fields } = row;
        const id = String(row.id);
        expect(checkChangeFields(table, id, encodeFields(fields)), `${table} ${id}`).toBeNull();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(book.attachments.length).toBeGreaterThan(0);
  });

  it('refuses a wrong type, a value out of range, a long text, an unknown choice, naming the table, row and field', () => {
    const cases: [TableName, Record<string, unknown>, string][] = [
      ['members', { name: 123 }, '会员 r1 的“姓名”：应为文字'],
      ['members', { name: { a: { b: 1 } } }, '会员 r1 的“姓名”：应为文字'],
      ['members', { gender: '未知' }, '会员 r1 的“性别”：应为以下之一：男、女'],
      ['members', { note: '长'.repeat(501) }, '会员 r1 的“备注”：不能超过 500 个字'],
      ['members', { name: '王\u0000五' }, '会员 r1 的“姓名”：含有不允许的控制字符或无效字符'],
      ['members', { name: '王\uD800五' }, '会员 r1 的“姓名”：含有不允许的控制字符或无效字符'],
      ['members', { birthDate: '1990-02-30' }, '会员 r1 的“出生日期”：不是有效日期（YYYY-MM-DD）'],
      ['duesPayments', { amountFen: '10000' }, '会费收缴 r1 的“金额”：金额应为整数分'],
      ['duesPayments', { amountFen: 1.5 }, '会费收缴 r1 的“金额”：金额应为整数分'],
      ['duesPayments', { amountFen: 1e15 }, '会费收缴 r1 的“金额”：超出允许范围（-100000000000000～100000000000000）'],
      ['wageBases', { year: 1999 }, '工资基数 r1 的“年度”：超出允许范围（2000～2100）'],
      ['activities', { participantIds: ['m1', 'not an id'] }, '活动 r1 的“参加会员”：列表中有不合法的记录编号'],
      [
        'union',
        { duesRule: { rateBasisPoints: 50, baseFloorFen: 1000, rounding: 'fen', extra: 1 } },
        '工会信息 r1 的“会费标准”：包含不认识的项目 extra',
      ],
      ['attachments', { data: { $bytes: '%%%' } }, '附件 r1 的“文件内容”：文件内容格式不正确'],
      ['members', { deleted: 2 }, '会员 r1 的字段 deleted：删除标记应为 0 或 1'],
      ['members', { id: 'r1', name: '张三', futureField: '\u0000' }, '会员 r1 的字段 futureField：含有不允许的控制字符或无效字符'],
    ];
    for (const [table, fields, message] of cases)
      expect(checkChangeFields(table, 'r1', fields), JSON.stringify(fields).slice(0, 60)).toBe(message);
  });

  it('refuses an empty date where one is required, after empty and real dates passed elsewhere', () => {
    expect(checkChangeFields('members', 'm1', { birthDate: '', joinDate: '2020-01-01' })).toBeNull();
    expect(checkChangeFields('memberships', 'e1', { date: '2020-01-01' })).toBeNull();
    expect(checkChangeFields('memberships', 'e2', { date: '' })).toBe('会籍变动 e2 的“变动日期”：不是有效日期（YYYY-MM-DD）');
    expect(checkChangeFields('members', 'm2', { deleted: 1 })).toBeNull();
    expect(checkChangeFields('members', 'm3', { deleted: true })).toBe('会员 m3 的字段 deleted：删除标记应为 0 或 1');
  });

  it('reads the same whether the fast check or the schema refuses', () => {
    const good = change('members', 'r1', { id: 'r1', name: '甲' });
    for (const fields of [
      { name: 7 },
      { gender: 'x' },
      { joinDate: '2020-13-01' },
      { deleted: 3 },
      { wechat: { a: [[[[[[[[[1]]]]]]]]] } },
    ]) {
      const body = { v: 1, changes: [good, { ...good, changeId: 'd:2', fields }], cursor: 0 };
      const fast = checkSyncRequest(body);
      const schema = syncRequestSchema.safeParse(body);
      expect(fast.ok).toBe(false);
      expect(schema.success).toBe(false);
      if (!fast.ok && !schema.success) {
        expect(describeIssues(fast.error)).toBe(describeIssues(schema.error));
        expect(describeIssues(fast.error)).toMatch(/^会员 r1 的/);
      }
    }
  });

  it('keeps only declared fields: a field an older or newer version sends is dropped, the change kept', () => {
    const unchanged = change('members', 'm1', { id: 'm1', name: '张三', deleted: 0 });
    const union = change('union', 'u1', { name: '甲工会', backupFolder: '\\\\host\\share' });
    const onlyFolder = change('union', 'u1', { backupFolder: 'D:\\备份' }, 2);
    const newer = change('members', 'm2', { id: 'm2', name: '李四', wechat: 'li4' });
    const { changes, dropped } = keepDeclaredFields([unchanged, union, onlyFolder, newer]);
    expect(changes[0]).toBe(unchanged);
    expect(changes.map((c) => c.fields)).toEqual([
      { id: 'm1', name: '张三', deleted: 0 },
      { name: '甲工会' },
      {},
      { id: 'm2', name: '李四' },
    ]);
    expect(changes.map((c) => c.changeId)).toEqual([unchanged.changeId, union.changeId, onlyFolder.changeId, newer.changeId]);
    expect(Object.fromEntries(dropped)).toEqual({ 'union.backupFolder': 2, 'members.wechat': 1 });
    // The input is left as it was.
    expect(union.fields).toHaveProperty('backupFolder');
  });
});

describe.each(backends())('record declarations on the wire on $name', (backend) => {
  let dir = '';
  let db: Database;
  let app: FastifyInstance;
  let device: TestDevice;
  let reader: TestDevice;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ub-records-'));
    db = await backend.fresh();
    app = await buildServer({ db, authRateLimit: 1000, log: fileLog(join(dir, 'server.log')) });
    await initialiseAdmin(db, ADMIN_PASSWORD);
    [device, reader] = (await unionWithDevices(app, db, 'DECL', 2)).devices as [TestDevice, TestDevice];
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const push = (changes: WireChange[]) =>
    post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes, cursor: 0, pullLimit: 0 }, device.token);
  const stored = async (table: TableName, rowId: string) =>
    (await db.query<{ data: unknown }>('SELECT data FROM rows WHERE tbl = $1 AND row_id = $2', [table, rowId])).map(
      (r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    )[0];

  it('refuses a field its declaration does not allow with a 400 naming the table, row and field, and writes nothing', async () => {
    const before = await countWrites(db);
    for (const [table, fields, message] of [
      ['members', { name: 12345 }, '的“姓名”：应为文字'],
      ['members', { name: '王\u0000五' }, '的“姓名”：含有不允许的控制字符或无效字符'],
      ['members', { status: 'vanished' }, '的“会籍状态”：应为以下之一'],
      ['duesPayments', { amountFen: 'abc' }, '的“金额”：金额应为整数分'],
      ['transactions', { summary: '摘'.repeat(201) }, '的“摘要”：不能超过 200 个字'],
    ] as [TableName, Record<string, unknown>, string][]) {
      const good = device.insert('members', { ...MEMBER, name: '同批的好记录' });
      const [goodChange] = device.pending().slice(-1);
      device.outbox.pop();
      const rowId = `bad-${table}-${Object.keys(fields)[0]!}`;
      const res = await push([goodChange!, change(table, rowId, { id: rowId, ...fields })]);
      expect(res.status, message).toBe(400);
      expect(String(res.body.error).startsWith(`${RECORDS[table].label} ${rowId} ${message}`), String(res.body.error)).toBe(true);
      expect(await stored('members', good.id)).toBeUndefined();
    }
    expect(await countWrites(db)).toEqual(before);
  });

  it('takes an older app’s union profile with its backup folder, and never stores the folder', async () => {
    const profileId = 'union-profile';
    const profile = change('union', profileId, {
      id: profileId,
      name: 'DECL 工会',
      chair: '王主席',
      backupFolder: '\\\\host\\share\\books',
    });
    const res = await push([profile]);
    expect(res.status).toBe(200);
    expect(res.body.acked).toEqual([profile.changeId]);
    expect(await stored('union', profileId)).toEqual({ id: profileId, name: 'DECL 工会', chair: '王主席' });

    // A change that only moves the folder is acknowledged, so the old app does not send it again, and writes nothing.
    const before = await countWrites(db);
    const onlyFolder = { ...change('union', profileId, { backupFolder: 'E:\\other' }, 2), hlc: `${'0'.repeat(14)}1-000000-a` };
    const again = await push([onlyFolder]);
    expect(again.status).toBe(200);
    expect(again.body.acked).toEqual([onlyFolder.changeId]);
    expect(await countWrites(db)).toEqual(before);

    await reader.sync(app);
    const pulled = reader.get('union', profileId);
    expect(pulled).toMatchObject({ name: 'DECL 工会', chair: '王主席' });
    expect(pulled).not.toHaveProperty('backupFolder');
  });

  it('drops a field no declaration knows and notes in the log which one, never its value', async () => {
    const member = device.insert('members', { ...MEMBER, name: '新版本的会员' });
    const [inserted] = device.pending().slice(-1);
    device.outbox.pop();
    const res = await push([{ ...inserted!, fields: { ...inserted!.fields, wechat: 'secret-handle-42' } }]);
    expect(res.status).toBe(200);
    const row = await stored('members', member.id);
    expect(row).toMatchObject({ id: member.id, name: '新版本的会员', department: MEMBER.department });
    expect(row).not.toHaveProperty('wechat');
    // The log is written as the server goes: wait for the line rather than read it at once.
    const read = () => readFileSync(join(dir, 'server.log'), 'utf8');
    const dropped = () =>
      read()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.event === 'sync.fields-dropped')
        .map((l) => l.fields);
    await expect.poll(dropped).toEqual(expect.arrayContaining([{ 'union.backupFolder': 1 }, { 'members.wechat': 1 }]));
    const log = read();
    expect(log).not.toContain('secret-handle-42');
    expect(log).not.toContain('host\\\\share');
  });

  it('removes a backup folder stored before, keeping the rest of the profile and its clocks', async () => {
    // A database of its own, from a backend object of its own (fresh() replaces its backend's last database).
    const [own] = backends().filter((b) => b.name === backend.name);
    const other = await own!.fresh();
    try {
      await migrate(other, 6);
      // The union as a server of that version made it (createUnion writes today's columns).
      const union = { id: 'oldf-union' };
      await other.query("INSERT INTO unions (id, code, name) VALUES ($1, 'OLDF', '旧文件夹工会')", [union.id]);
      const clocks = { '*': HLC, backupFolder: `${'0'.repeat(14)}2-000000-a` };
      await other.query(
        `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq) SELECT key, 'union', 'u1', $2, $3, 1 FROM unions WHERE id = $1`,
        [union.id, JSON.stringify({ id: 'u1', name: '旧文件夹工会', backupFolder: '\\\\host\\share' }), JSON.stringify(clocks)],
      );
      // This migration (7) and every one after it.
      expect(await migrate(other)).toBe(MIGRATIONS.length - 6);
      const [row] = await other.query<{ data: unknown; field_clocks: unknown }>('SELECT data, field_clocks FROM rows');
      const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
      expect(parse(row!.data)).toEqual({ id: 'u1', name: '旧文件夹工会' });
      expect(parse(row!.field_clocks)).toEqual({ '*': HLC });
    } finally {
      await other.close();
      await own!.dispose();
    }
  });
});
