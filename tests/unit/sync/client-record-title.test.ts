import { describe, expect, it } from 'vitest';
import { recordTitle, visibleText } from '../../../renderer/src/features/sync/record-title';
import { refusedField } from '../../../renderer/src/features/sync/refusals';

describe('how a refused record is named on the 同步 page', () => {
  it('names a record the way a person knows it', () => {
    expect(recordTitle('members', { id: 'm1', name: '张三' })).toBe('张三');
    expect(recordTitle('transactions', { id: 't1', voucherNumber: '记-012', summary: '购买慰问品' })).toBe('记-012 购买慰问品');
    expect(recordTitle('duesPayments', { id: 'd1', memberId: 'm1', month: '2025-03' }, '张三')).toBe('张三 2025-03');
    expect(recordTitle('welfare', { id: 'w1', kind: '住院', date: '2025-04-02' }, '李四')).toBe('李四 住院慰问 2025-04-02');
    expect(recordTitle('attachments', { id: 'a1', name: '发票.jpg' })).toBe('发票.jpg');
    expect(recordTitle('yearNotes', { id: 'y1', year: 2025 })).toBe('2025年');
    expect(recordTitle('members', { id: '0192aaaa-bbbb-7ccc-8ddd-eeeeffff0001', name: '' })).toBe('编号 ffff0001');
    expect(recordTitle('members', undefined)).toBe('（本机已无此记录）');
  });

  it('shows broken text as broken', () => {
    expect(visibleText('王\u0000五')).toBe('王\uFFFD五');
    expect(visibleText('a\uD800b')).toBe('a\uFFFDb');
    expect(visibleText('😀 第一行\n第二行\t')).toBe('😀 第一行\n第二行\t');
  });

  it('tells the refused field from the server’s message', () => {
    const fields = [{ id: 'r1', name: 'x', department: 'y', note: 'z' }];
    expect(refusedField('members', fields, '会员 r1 的“工作单位/部门”：不能超过 100 个字', 400)).toBe('department');
    expect(refusedField('members', fields, '字段 changes.0.fields.note：类型不正确或缺失', 400)).toBe('note');
    expect(refusedField('members', fields, '请求内容不合法', 400)).toBe('');
    const big = [{ id: 'a1', name: '扫描.jpg', data: new Uint8Array(100_000), caption: '' }];
    expect(refusedField('attachments', big, '请求内容过大', 413)).toBe('data');
  });
});
