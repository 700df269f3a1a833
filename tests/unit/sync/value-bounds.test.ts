import { beforeAll, describe, expect, it } from 'vitest';
import { checkChangeFields, checkFieldNames, checkSubmissionFacts } from '../../../shared/sync/change-fields';
import { checkSyncRequest } from '../../../shared/sync/fast-check';
import { describeIssues, syncRequestSchema } from '../../../shared/sync/schemas';
import { valueBoundsProblem, VALUE_BOUNDS } from '../../../shared/sync/value-bounds';
import { backends } from './backends';
import { ADMIN_PASSWORD, countWrites, post, serverPerSuite, unionWithDevices, type TestDevice } from './harness';

const nest = (depth: number, leaf: unknown = 1): unknown => (depth === 0 ? leaf : [nest(depth - 1, leaf)]);

describe('the bounds every pushed value keeps', () => {
  it('accepts what the app writes', () => {
    for (const value of [
      '张三',
      '',
      '𠀀 and 😀 (surrogate pairs)',
      0,
      -2500,
      1e15,
      -1e15,
      true,
      null,
      ['m1', 'm2'],
      { rateBasisPoints: 50, baseFloorFen: 0, rounding: 'fen' },
      { $bytes: 'iVBORw0KGgo=' },
      nest(VALUE_BOUNDS.maxDepth),
      'x'.repeat(VALUE_BOUNDS.maxTextChars),
    ]) {
      expect(valueBoundsProblem(value), JSON.stringify(value).slice(0, 80)).toBeNull();
    }
  });

  it('refuses what would break the server or a reader, in Chinese', () => {
    const cases: [unknown, string][] = [
      ['a\u0000b', '含有不允许的控制字符或无效字符'],
      ['a\uD800b', '含有不允许的控制字符或无效字符'],
      ['\uDC00', '含有不允许的控制字符或无效字符'],
      ['😀'.slice(0, 1), '含有不允许的控制字符或无效字符'],
      [nest(VALUE_BOUNDS.maxDepth + 1), '嵌套超过 8 层'],
      ['x'.repeat(VALUE_BOUNDS.maxTextChars + 1), `不能超过 ${VALUE_BOUNDS.maxTextChars} 个字`],
      [new Array(VALUE_BOUNDS.maxItems + 1).fill(0), `超过 ${VALUE_BOUNDS.maxItems} 项`],
      [1e15 + 2, '数值无效或超出允许范围（绝对值不超过 10^15）'],
      [JSON.parse('1e400'), '数值无效或超出允许范围（绝对值不超过 10^15）'],
      [Number.NaN, '数值无效或超出允许范围（绝对值不超过 10^15）'],
      [{ 'bad\u0000key': 1 }, '含有不合法的键名'],
      [{ ok: ['fine', { deeper: 'a\u0000' }] }, '含有不允许的控制字符或无效字符'],
      [{ $bytes: 'not base64!' }, '文件内容不是有效的 base64'],
    ];
    for (const [value, message] of cases) expect(valueBoundsProblem(value), JSON.stringify(value)?.slice(0, 60)).toBe(message);
  });

  it('names the table, the row and the field; refuses the names every object answers to', () => {
    expect(checkChangeFields('members', 'm1', { name: 'ok', note: 'a\u0000' })).toBe('会员 m1 的“备注”：含有不允许的控制字符或无效字符');
    expect(checkChangeFields('members', 'm1', { name: 'ok', extra: nest(VALUE_BOUNDS.maxDepth + 1) })).toBe(
      '会员 m1 的字段 extra：嵌套超过 8 层',
    );
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(checkFieldNames('duesPayments', 'p1', JSON.parse(`{"${name}": 1}`) as Record<string, unknown>)).toBe(
        `会费收缴 p1 的字段 ${name}：字段名不允许使用`,
      );
    }
    expect(checkSubmissionFacts({ year: 2025, dues: { collectedFen: JSON.parse('1e400') as number } })).toBe(
      '报送的年度数据 dues：数值无效或超出允许范围（绝对值不超过 10^15）',
    );
  });

  it('reads the same whether the fast check or the schema refuses', () => {
    const good = { changeId: 'd:1', table: 'members', rowId: 'r1', hlc: `${'0'.repeat(15)}-000000-a`, fields: { id: 'r1', name: '甲' } };
    const bad: Record<string, unknown>[] = [
      { name: 'a\u0000' },
      { name: nest(40) },
      { toString: '甲' },
      { photo: { $bytes: '%%%' } },
      { amountFen: JSON.parse('-1e400') as number },
    ];
    for (const fields of bad) {
      const body = { v: 1, changes: [good, { ...good, changeId: 'd:2', fields }], cursor: 0 };
      const fast = checkSyncRequest(body);
      const schema = syncRequestSchema.safeParse(body);
      expect(fast.ok).toBe(false);
      expect(schema.success).toBe(false);
      if (!fast.ok && !schema.success) {
        expect(describeIssues(fast.error)).toBe(describeIssues(schema.error));
        expect(describeIssues(fast.error)).toMatch(/^会员 r1 的(字段 \w+|“[^”]+”)：/);
      }
    }
  });
});

describe.each(backends())('values the server refuses at the door on $name', (backend) => {
  const s = serverPerSuite(backend);
  let device: TestDevice;
  beforeAll(async () => {
    device = (await unionWithDevices(s.app, s.db, 'BOUND', 1)).devices[0]!;
  });

  async function refused(url: string, payload: string, message: string | RegExp, token: string | null = device.token) {
    const before = await countWrites(s.db);
    const res = await s.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload,
    });
    expect(res.statusCode, payload.slice(0, 120)).toBe(400);
    expect(res.json().error).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect(await countWrites(s.db)).toEqual(before);
  }

  /** The JSON of one change; raw, so escapes a JSON encoder would not write (\u0000, a lone \ud800, 1e400) arrive as sent. */
  const change = (rowId: string, fieldsJson: string) =>
    `{"v":1,"cursor":0,"changes":[{"changeId":"${device.deviceId}:${rowId}","table":"members","rowId":"${rowId}","hlc":"${device.clock.now()}","fields":${fieldsJson}}]}`;

  it('a NUL, a lone surrogate or a number beyond range in a field, naming table, row and field', async () => {
    await refused(
      '/api/v1/sync',
      change('m-nul', '{"id":"m-nul","name":"张\\u0000三"}'),
      '会员 m-nul 的“姓名”：含有不允许的控制字符或无效字符',
    );
    await refused('/api/v1/sync', change('m-sur', '{"name":"\\ud800"}'), '会员 m-sur 的“姓名”：含有不允许的控制字符或无效字符');
    // A field no declaration knows is dropped before storing, but is held to the bounds while it is read.
    await refused('/api/v1/sync', change('m-inf', '{"extra":1e400}'), /^会员 m-inf 的字段 extra：数值无效或超出允许范围/);
    await refused('/api/v1/sync', change('m-key', '{"extra":{"a\\u0000":1}}'), '会员 m-key 的字段 extra：含有不合法的键名');
  });

  it('fields named constructor, toString, valueOf or __proto__, instead of acknowledging and dropping them', async () => {
    for (const name of ['constructor', 'toString', 'valueOf']) {
      await refused('/api/v1/sync', change(`m-${name}`, `{"${name}":"甲"}`), `会员 m-${name} 的字段 ${name}：字段名不允许使用`);
    }
    await refused('/api/v1/sync', change('m-proto', '{"__proto__":{"name":"甲"}}'), /__proto__/);
  });

  it('storable text everywhere else a client writes', async () => {
    await refused(
      '/api/v1/submissions',
      '{"v":1,"year":2025,"recordId":"s1","facts":{"members":"\\u0000"},"documents":[]}',
      '报送的年度数据 members：含有不允许的控制字符或无效字符',
    );
    await refused(
      '/api/v1/submissions',
      '{"v":1,"year":2025,"recordId":"s1","facts":{},"documents":[{"name":"总结\\u0000.docx","mimeType":"x","base64":""}]}',
      /字段 documents\.0\.name：含有不允许的控制字符/,
    );
    await refused(
      '/api/v1/enrol',
      '{"v":1,"unionCode":"BOUND","enrolmentCode":"ABCDE-FGHJK","deviceId":"d9","deviceName":"\\ud800"}',
      /deviceName：含有不允许的控制字符/,
      null,
    );
    const login = await post(s.app, '/api/admin/login', { password: ADMIN_PASSWORD });
    await refused('/api/admin/unions', '{"code":"NUL1","name":"甲\\u0000工会"}', /name：含有不允许的控制字符/, String(login.body.token));
  });

  it('accepts a change within the bounds afterwards', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      payload: change('m-ok', '{"id":"m-ok","name":"张三","note":"😀","participantIds":["a","b"]}'),
    });
    expect(res.statusCode).toBe(200);
    expect((await countWrites(s.db)).rows).toBe(1);
  });
});
