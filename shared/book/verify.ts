import { findAccount } from '../accounts/chart';
import { TABLE_LABELS, TABLE_NAMES, type BookTables } from '../model/book';

/**
 * Consistency checks of a whole book beyond what the file format guarantees: unique ids, money
 * as integer fen, references that point at rows that exist, known account codes. Returns the
 * problems in Chinese; an empty list means the book is sound.
 */
export function verifyBook(book: BookTables): string[] {
  const problems: string[] = [];
  for (const table of TABLE_NAMES) {
    const seen = new Set<string>();
    for (const row of book[table]) {
      if (seen.has(row.id)) problems.push(`“${TABLE_LABELS[table]}”中有重复的记录编号 ${row.id}`);
      seen.add(row.id);
    }
  }
  if (book.union.filter((u) => u.deleted === 0).length !== 1) problems.push('账簿应当有且只有一个工会信息');
  const members = new Set(book.members.map((m) => m.id));
  const checkMoney = (label: string, id: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) problems.push(`${label} ${id} 的金额不是整数分：${String(value)}`);
  };
  for (const p of book.duesPayments) {
    checkMoney('会费收缴', p.id, p.amountFen);
    if (!members.has(p.memberId)) problems.push(`会费收缴 ${p.id} 指向不存在的会员 ${p.memberId}`);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(p.month)) problems.push(`会费收缴 ${p.id} 的月份无效：${p.month}`);
  }
  for (const t of book.transactions) {
    checkMoney('收支记录', t.id, t.amountFen);
    if (!findAccount(t.accountCode)) problems.push(`收支记录 ${t.voucherNumber || t.id} 的会计科目无效：${t.accountCode}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t.date)) problems.push(`收支记录 ${t.voucherNumber || t.id} 的日期无效：${t.date}`);
  }
  for (const w of book.welfare) {
    checkMoney('慰问', w.id, w.amountFen);
    if (!members.has(w.memberId)) problems.push(`慰问记录 ${w.id} 指向不存在的会员 ${w.memberId}`);
  }
  for (const w of book.wageBases) {
    checkMoney('工资基数', w.id, w.baseFen);
    if (!members.has(w.memberId)) problems.push(`工资基数 ${w.id} 指向不存在的会员 ${w.memberId}`);
  }
  for (const e of book.memberships) {
    if (!members.has(e.memberId)) problems.push(`会籍变动 ${e.id} 指向不存在的会员 ${e.memberId}`);
  }
  return problems;
}
