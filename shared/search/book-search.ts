import { accountLabel } from '../accounts/chart';
import { personTimes } from '../activities/summary';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../idcard/gb11643';
import type { BookTables } from '../model/book';
import { formatYuan, parseYuan } from '../money/fen';

export type SearchKind = 'member' | 'voucher' | 'activity' | 'welfare';

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = { member: '会员', voucher: '凭证', activity: '活动', welfare: '慰问' };

/** Among equally good matches a person is looked for more often than a record about them. */
const KIND_ORDER: Record<SearchKind, number> = { member: 0, voucher: 1, activity: 2, welfare: 3 };

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** What identifies the record besides its title; IDs and phones masked. */
  detail: string;
  /** Why it matched, e.g. 身份证后四位, 金额. */
  matched: string;
  /** Higher is a closer match. */
  score: number;
  /** The record's date, for the order among equal matches of a kind (newest first); '' when it has none. */
  date: string;
}

/** At most this many hits of one kind, so every kind that matched is in view. */
const PER_KIND = 8;

export type SearchableBook = Pick<BookTables, 'members' | 'transactions' | 'activities' | 'welfare'>;

/** Full-width digits and letters (typed with a Chinese input method) read as their ASCII forms. */
function normalize(text: string): string {
  return text
    .trim()
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function textScore(value: string, query: string): number {
  if (!value || !query) return 0;
  if (value === query) return 100;
  if (value.startsWith(query)) return 80;
  return value.includes(query) ? 60 : 0;
}

/**
 * One box across the book: members by name, the last digits of the ID (or the whole number) and
 * phone; vouchers by number (记-012, 记12), 摘要 and amount as typed in yuan; activities by title,
 * place and category; welfare visits by member, kind and note. Best matches first.
 */
export function searchBook(book: SearchableBook, rawQuery: string, limit = 30): SearchHit[] {
  const query = normalize(rawQuery);
  if (query === '') return [];
  const hits: SearchHit[] = [];
  const names = new Map<string, string>();
  for (const m of book.members) if (m.deleted === 0) names.set(m.id, m.name);

  const idQuery = normalizeIdNumber(query);
  const digits = query.replace(/[\s-]/g, '');
  const isDigits = /^\d+$/.test(digits);
  for (const m of book.members) {
    if (m.deleted !== 0) continue;
    let score = textScore(m.name, query);
    let matched = '姓名';
    if (m.idNumber && /^[\dX]{4,}$/.test(idQuery)) {
      if (m.idNumber === idQuery) [score, matched] = [100, '身份证号'];
      else if (idQuery.length <= 6 && m.idNumber.endsWith(idQuery) && score < 90) [score, matched] = [90, `身份证后${idQuery.length}位`];
    }
    if (m.phone && isDigits && digits.length >= 4 && score < 85) {
      const phone = m.phone.replace(/\D/g, '');
      if (phone === digits) [score, matched] = [100, '手机'];
      else if (phone.endsWith(digits)) [score, matched] = [85, `手机后${digits.length}位`];
      else if (digits.length >= 7 && phone.includes(digits)) [score, matched] = [70, '手机'];
    }
    if (score === 0) continue;
    const detail = [m.department, m.idNumber ? maskIdNumber(m.idNumber) : '', m.phone ? maskPhone(m.phone) : '']
      .filter(Boolean)
      .join(' · ');
    hits.push({ kind: 'member', id: m.id, title: m.name, detail, matched, score, date: m.joinDate });
  }

  const voucher = /^记?\s*-?\s*0*(\d{1,5})$/.exec(query);
  const wantsVoucherNumber = voucher !== null && (query.startsWith('记') || digits.length <= 3);
  const amount = parseYuan(query);
  for (const t of book.transactions) {
    if (t.deleted !== 0) continue;
    let score = 0;
    let matched = '';
    if (wantsVoucherNumber && t.voucherNumber) {
      const number = /(\d+)\s*$/.exec(t.voucherNumber)?.[1];
      if (number !== undefined && Number(number) === Number(voucher[1])) [score, matched] = [query.startsWith('记') ? 100 : 75, '凭证号'];
    }
    if (amount !== null && amount > 0 && Math.abs(t.amountFen) === amount && score < 90) [score, matched] = [90, '金额'];
    if (!isDigits) {
      const s = textScore(t.summary, query);
      if (s > score) [score, matched] = [s, '摘要'];
    }
    if (score === 0) continue;
    hits.push({
      kind: 'voucher',
      id: t.id,
      title: `${t.voucherNumber || '（无凭证号）'} ${t.summary}`,
      detail: `${t.date} · ${accountLabel(t.accountCode)} · ${formatYuan(t.amountFen)} 元 · ${t.place === 'cash' ? '现金' : '银行'}`,
      matched,
      score,
      date: t.date,
    });
  }

  if (!isDigits) {
    for (const a of book.activities) {
      if (a.deleted !== 0) continue;
      const fields: [string, string][] = [
        ['活动名称', a.title],
        ['地点', a.place],
        ['类别', a.category],
      ];
      const [matched, score] = best(fields, query);
      if (score === 0) continue;
      const detail = [a.startDate, a.category, a.place, `${personTimes(a)} 人次`, a.planned ? '计划' : ''].filter(Boolean).join(' · ');
      hits.push({ kind: 'activity', id: a.id, title: a.title, detail, matched, score, date: a.startDate });
    }
    for (const w of book.welfare) {
      if (w.deleted !== 0) continue;
      const name = names.get(w.memberId) ?? '';
      const fields: [string, string][] = [
        ['会员', name],
        ['类别', w.kind],
        ['备注', w.note],
      ];
      const [matched, score] = best(fields, query);
      if (score === 0) continue;
      const detail = [w.date, w.subKind, w.amountFen ? `${formatYuan(w.amountFen)} 元` : ''].filter(Boolean).join(' · ');
      hits.push({ kind: 'welfare', id: w.id, title: `${name || '（已删除的会员）'} ${w.kind}慰问`, detail, matched, score, date: w.date });
    }
  }

  hits.sort((x, y) => y.score - x.score || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
  // A word found in a hundred 摘要 must not hide the one activity of that name.
  const perKind = new Map<SearchKind, number>();
  return hits
    .filter((h) => {
      const seen = perKind.get(h.kind) ?? 0;
      perKind.set(h.kind, seen + 1);
      return seen < PER_KIND;
    })
    .slice(0, limit);
}

function best(fields: [string, string][], query: string): [string, number] {
  let top: [string, number] = ['', 0];
  for (const [label, value] of fields) {
    const s = textScore(value, query);
    if (s > top[1]) top = [label, s];
  }
  return top;
}
