import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/idcard/gb11643';
import { searchBook } from '../../../shared/search/book-search';
import { duesBook } from '../dues/fixture';

function searchable() {
  const fx = duesBook();
  const zhang = fx.addMember('张三', '办公室', { idNumber: makeIdNumber('330402', '19850312', 123, '男') });
  const li = fx.addMember('李四', '财务科', { idNumber: makeIdNumber('330402', '19900101', 456, '女') });
  zhang.phone = '13812345678';
  const entry = (voucherNumber: string, summary: string, amountFen: number, accountCode = '50102') =>
    fx.builder.insert('transactions', {
      date: '2025-04-02',
      place: 'bank',
      accountCode,
      amountFen,
      summary,
      voucherNumber,
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    });
  const ball = entry('记-012', '购买篮球比赛用品', 123_450);
  const dues = entry('记-013', '收3月会费', 5_000, '401');
  const base = { category: '文体活动', endDate: '', organiser: '', description: '', photoIds: [], transactionIds: [], planned: false };
  const game = fx.builder.insert('activities', {
    ...base,
    title: '职工篮球赛',
    startDate: '2025-04-10',
    place: '体育馆',
    participantIds: [],
    headCount: 30,
  });
  const visit = fx.builder.insert('welfare', {
    memberId: li.id,
    kind: '住院',
    subKind: '手术',
    date: '2025-05-01',
    form: 'cash',
    amountFen: 100_000,
    note: '阑尾炎',
    transactionId: '',
  });
  return { book: fx.book, zhang, li, ball, dues, game, visit };
}

const first = (book: ReturnType<typeof searchable>['book'], q: string) => searchBook(book, q)[0];

describe('searchBook', () => {
  it('finds a member by the last four characters of the ID, showing it masked', () => {
    const s = searchable();
    const hit = first(s.book, s.li.idNumber.slice(-4));
    expect(hit).toMatchObject({ kind: 'member', id: s.li.id, matched: '身份证后4位' });
    expect(hit?.detail).toContain(`330402********${s.li.idNumber.slice(-4)}`);
    expect(hit?.detail).not.toContain(s.li.idNumber);
    // A lower-case check character and full-width digits typed with a Chinese input method match too.
    const tail = s.li.idNumber.slice(-4).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(first(s.book, tail.toLowerCase())?.id).toBe(s.li.id);
  });

  it('finds a member by name and by phone, masked', () => {
    const s = searchable();
    expect(first(s.book, '张')).toMatchObject({ id: s.zhang.id, matched: '姓名' });
    const byPhone = first(s.book, '5678');
    expect(byPhone).toMatchObject({ id: s.zhang.id, matched: '手机后4位' });
    expect(byPhone?.detail).toContain('138****5678');
    expect(first(s.book, '138 1234 5678')).toMatchObject({ id: s.zhang.id, matched: '手机' });
  });

  it('finds a voucher by its amount as typed in yuan', () => {
    const s = searchable();
    for (const typed of ['1234.5', '1,234.50', '1234.50元', '１２３４.５']) {
      expect(first(s.book, typed), typed).toMatchObject({ kind: 'voucher', id: s.ball.id, matched: '金额' });
    }
    expect(searchBook(s.book, '1234.51').some((h) => h.id === s.ball.id)).toBe(false);
  });

  it('finds a voucher by number in the ways people write it, and by 摘要', () => {
    const s = searchable();
    for (const typed of ['记-012', '记12', '记 - 12', '12']) expect(first(s.book, typed)?.id, typed).toBe(s.ball.id);
    expect(first(s.book, '会费')).toMatchObject({ id: s.dues.id, matched: '摘要' });
  });

  it('finds activities and welfare visits by their words, and nothing for a blank box', () => {
    const s = searchable();
    const ball = searchBook(s.book, '篮球');
    expect(ball.map((h) => h.kind).sort()).toEqual(['activity', 'voucher']);
    expect(ball.find((h) => h.kind === 'activity')).toMatchObject({ id: s.game.id, detail: expect.stringContaining('30 人次') });
    expect(first(s.book, '体育馆')).toMatchObject({ id: s.game.id, matched: '地点' });
    const visits = searchBook(s.book, '住院');
    expect(visits[0]).toMatchObject({ kind: 'welfare', id: s.visit.id, title: '李四 住院慰问' });
    expect(searchBook(s.book, '李四').map((h) => h.kind)).toEqual(['member', 'welfare']);
    expect(searchBook(s.book, '   ')).toEqual([]);
  });

  it('keeps a few of each kind, so many matching 摘要 do not hide an activity', () => {
    const s = searchable();
    for (let i = 0; i < 20; i++) s.book.transactions.push({ ...s.ball, id: `ball-${i}`, voucherNumber: `记-${100 + i}` });
    const hits = searchBook(s.book, '篮球');
    expect(hits.filter((h) => h.kind === 'voucher')).toHaveLength(8);
    expect(hits.some((h) => h.kind === 'activity' && h.id === s.game.id)).toBe(true);
  });

  it('leaves deleted records out', () => {
    const s = searchable();
    s.ball.deleted = 1;
    s.zhang.deleted = 1;
    expect(searchBook(s.book, '1234.5')).toEqual([]);
    expect(searchBook(s.book, '张三')).toEqual([]);
  });
});
