import { statusFromEvents } from '../../members/status';
import type { BookTables } from '../../model/book';
import type { IsoDate, MembershipEvent } from '../../model/records';
import { formatDate } from '../rules/dates';
import { historyProblem } from '../rules/membership';
import { idKey } from '../rules/members';
import { unionProblems } from '../rules/union';
import type { VerifyProblem } from './problem';

/** Live members do not share an ID number, and each history makes sense and agrees with the status. */
export function checkMembers(book: BookTables, today: IsoDate): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const byKey = new Map<string, string>();
  const events = new Map<string, MembershipEvent[]>();
  for (const e of book.memberships) if (e.deleted === 0) events.set(e.memberId, [...(events.get(e.memberId) ?? []), e]);
  for (const m of book.members) {
    if (m.deleted !== 0) continue;
    const key = idKey(m);
    const twin = key ? byKey.get(key) : undefined;
    if (twin) out.push({ table: 'members', rowId: m.id, label: m.name, message: `证件号码与会员“${twin}”相同` });
    else if (key) byKey.set(key, m.name);
    if (m.joinDate && m.joinDate > today)
      out.push({ table: 'members', rowId: m.id, label: m.name, message: `入会日期 ${formatDate(m.joinDate)} 晚于今天` });
    const mine = events.get(m.id) ?? [];
    const problem = historyProblem(mine, m.birthDate);
    if (problem) out.push({ table: 'memberships', rowId: '', label: m.name, message: problem });
    if (mine.length > 0 && statusFromEvents(mine) !== m.status)
      out.push({ table: 'members', rowId: m.id, label: m.name, message: '会籍状态与会籍变动记录不一致' });
    for (const e of mine)
      if (e.date > today)
        out.push({ table: 'memberships', rowId: e.id, label: m.name, message: `变动日期 ${formatDate(e.date)} 晚于今天` });
  }
  const union = book.union.filter((u) => u.deleted === 0);
  if (union.length !== 1) out.push({ table: 'union', rowId: '', message: `账簿应当有且只有一个工会信息（现有 ${union.length} 个）` });
  const profile = union[0];
  if (profile) {
    const working = book.members.filter((m) => m.deleted === 0 && m.status === 'active');
    for (const p of unionProblems(profile, { members: working.length, women: working.filter((m) => m.gender === '女').length }))
      out.push({ table: 'union', rowId: profile.id, label: profile.name, message: p.message });
  }
  return out;
}

/** Rows that point at other rows point at rows that exist. */
export function checkReferences(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const members = new Set(book.members.map((m) => m.id));
  const ids = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
  const transactions = ids(book.transactions);
  const attachments = ids(book.attachments);
  const activities = ids(book.activities);
  const welfare = ids(book.welfare);
  const missing = (table: VerifyProblem['table'], rowId: string, what: string) =>
    out.push({ table, rowId, message: `指向不存在的${what}` });
  for (const p of book.duesPayments) if (!members.has(p.memberId)) missing('duesPayments', p.id, '会员');
  for (const w of book.welfare) {
    if (!members.has(w.memberId)) missing('welfare', w.id, '会员');
    if (w.transactionId && !transactions.has(w.transactionId)) missing('welfare', w.id, '支出记录');
  }
  for (const w of book.wageBases) if (!members.has(w.memberId)) missing('wageBases', w.id, '会员');
  for (const e of book.memberships) if (!members.has(e.memberId)) missing('memberships', e.id, '会员');
  for (const t of book.transactions) {
    if (t.activityId && !activities.has(t.activityId)) missing('transactions', t.id, '活动');
    if (t.welfareId && !welfare.has(t.welfareId)) missing('transactions', t.id, '慰问记录');
    for (const a of t.attachmentIds) if (!attachments.has(a)) missing('transactions', t.id, '附件');
  }
  for (const a of book.activities) {
    for (const p of a.photoIds) if (!attachments.has(p)) missing('activities', a.id, '照片');
    for (const t of a.transactionIds) if (!transactions.has(t)) missing('activities', a.id, '支出记录');
  }
  return out;
}
