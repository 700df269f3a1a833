import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../shared/demo/random';
import { isBookError } from '../../../shared/engine/errors';
import { RestorableRows } from '../../../shared/engine/restore';
import { GROW_STEP, IdSet } from '../../../shared/engine/verify/id-set';
import { checkRow, checkRows } from '../../../shared/engine/verify/rows';
import type { BookTables } from '../../../shared/model/book';
import { uuidv7 } from '../../../shared/ids/uuid7';
import { memoryStore, seedBook } from './fixture';

const HEX = '0123456789abcdef';

function hexDigits(r: SeededRandom, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += HEX[r.int(0, 15)];
  return out;
}

function randomUuid(r: SeededRandom): string {
  return `${hexDigits(r, 8)}-${hexDigits(r, 4)}-${hexDigits(r, 4)}-${hexDigits(r, 4)}-${hexDigits(r, 12)}`;
}

/** A string one character away from a UUID: a digit past f, a misplaced or missing dash, one too many. */
function nearUuid(r: SeededRandom, id: string): string {
  const at = r.int(0, id.length - 1);
  switch (r.int(0, 4)) {
    case 0:
      return `${id.slice(0, at)}${r.pick(['g', 'G', 'z', '-', ' ', '/', ':', '@', '`', 'é'])}${id.slice(at + 1)}`;
    case 1:
      return id.slice(0, -1);
    case 2:
      return `${id}${r.pick(HEX.split(''))}`;
    case 3:
      return id.replace(/-/g, '');
    default:
      return `${id.slice(0, 8)}${id.slice(9, 10)}-${id.slice(10)}`.slice(0, 36);
  }
}

/** Ids as a restore meets them: mostly new UUIDv7s, with repeats, uppercase twins, near misses and other strings. */
function nextId(r: SeededRandom, given: string[], now: number): string {
  const roll = r.next();
  if (given.length > 0 && roll < 0.15) return r.pick(given);
  if (given.length > 0 && roll < 0.2) return r.pick(given).toUpperCase();
  if (given.length > 0 && roll < 0.25) return nearUuid(r, r.pick(given));
  if (roll < 0.3) return randomUuid(r);
  if (roll < 0.33) return r.pick(['', '0', 'abc', 'member-1', '会员-001', 'x'.repeat(r.int(0, 40))]) + hexDigits(r, r.int(0, 3));
  return uuidv7(now, (bytes) => r.fill(bytes));
}

describe('IdSet', () => {
  it('answers as a Set of strings would, through several doublings, for UUIDs, near misses, uppercase twins and other ids', () => {
    for (const seed of [1, 2, 3]) {
      const r = new SeededRandom(seed);
      const ids = new IdSet();
      const strings = new Set<string>();
      const given: string[] = [];
      let now = Date.UTC(2026, 0, 1);
      for (let i = 0; i < 6000; i++) {
        now += r.int(0, 2);
        const id = nextId(r, given, now);
        const probe = r.chance(0.5) ? id : nextId(r, given, now);
        // Looked up before it is added, after another lookup, or not at all: each order is how some caller adds.
        const order = r.int(0, 2);
        if (order === 0) expect(ids.has(id)).toBe(strings.has(id));
        expect(ids.has(probe)).toBe(strings.has(probe));
        if (order === 1) expect(ids.has(id)).toBe(strings.has(id));
        ids.add(id);
        strings.add(id);
        given.push(id);
        expect(ids.has(id)).toBe(true);
        expect(ids.size).toBe(strings.size);
      }
      // 6000 ids from 16 slots: the table has doubled nine times; every id is still found after the moves.
      for (const id of given) {
        expect(ids.has(id)).toBe(true);
        expect(ids.has(id.toUpperCase())).toBe(strings.has(id.toUpperCase()));
      }
    }
  });

  it('moves its ids to a doubled table a few slots an add, not all in the add that doubles it, and finds every id meanwhile', () => {
    const r = new SeededRandom(7);
    const ids = new IdSet();
    const given: string[] = [];
    let now = Date.UTC(2026, 0, 1);
    let doublings = 0;
    let before = 0;
    let checkedHalfway = 0;
    let checks = 0;
    for (let i = 0; i < 50_000; i++) {
      now += r.int(0, 2);
      const id = uuidv7(now, (bytes) => r.fill(bytes));
      ids.add(id);
      given.push(id);
      const left = ids.slotsToMove;
      if (left > before) {
        // This add doubled the table: it moved at most GROW_STEP of the old table's slots.
        doublings++;
        expect(left).toBeGreaterThanOrEqual(2 ** (doublings + 3) - GROW_STEP);
      } else if (before > 0) {
        expect(before - left).toBeLessThanOrEqual(GROW_STEP);
        // Halfway through a move, every id is found, in whichever table it is.
        if (checkedHalfway < doublings && left > 0 && left <= 2 ** (doublings + 2)) {
          checkedHalfway = doublings;
          checks++;
          for (const g of given) expect(ids.has(g)).toBe(true);
          expect(ids.has(uuidv7(now, (bytes) => r.fill(bytes)))).toBe(false);
        }
      }
      before = left;
    }
    // 50,000 ids from 16 slots: thirteen doublings, each checked halfway through its move but the
    // first (moved in two adds).
    expect(doublings).toBe(13);
    expect(checks).toBe(12);
    expect(ids.size).toBe(given.length);
    for (const g of given) expect(ids.has(g)).toBe(true);
  });

  it('tells apart ids that differ only in the bits a packing could lose', () => {
    const ids = new IdSet();
    ids.add('00000000-0000-0000-0000-000000000000');
    ids.add('ffffffff-ffff-ffff-ffff-ffffffffffff');
    ids.add('80000000-0000-0000-0000-000000000001');
    expect(ids.has('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(ids.has('00000000-0000-0000-0000-000000000001')).toBe(false);
    expect(ids.has('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).toBe(false);
    expect(ids.has('7fffffff-ffff-ffff-ffff-ffffffffffff')).toBe(false);
    expect(ids.has('80000000-0000-0000-0000-000000000000')).toBe(false);
    expect(ids.has('80000000-0000-0000-0000-000000000001')).toBe(true);
    // Same 32 hex digits, dashes elsewhere: another string, so another id.
    expect(ids.has('8000000-00000-0000-0000-000000000001')).toBe(false);
    expect(ids.size).toBe(3);
  });
});

async function seeded(): Promise<BookTables> {
  const store = memoryStore();
  await seedBook(store);
  return structuredClone(store.book);
}

describe('a duplicate id in a book or a restore', () => {
  it('checkRows finds a UUID given twice and an id that is not a UUID given twice, and nothing in a sound book', async () => {
    const book = await seeded();
    expect(checkRows(book).problems).toEqual([]);
    const [first, second] = book.members;
    book.members.push({ ...first!, name: '重复的人' });
    (second as { id: string }).id = 'M-0001';
    book.members.push({ ...second!, name: '又一个' });
    book.members.push({ ...second!, id: first!.id.toUpperCase(), name: '大写编号' });
    const { problems, sound } = checkRows(book);
    expect(problems).toEqual([
      { table: 'members', rowId: first!.id, message: '记录编号重复' },
      { table: 'members', rowId: 'M-0001', message: '记录编号重复' },
    ]);
    expect(sound.members.map((m) => m.name)).toEqual(book.members.filter((_, i) => i !== 3 && i !== 4).map((m) => m.name));
  });

  it('checkRow still takes any Set of strings for the ids so far', async () => {
    const book = await seeded();
    const member = book.members[0]!;
    const seen = new Set<string>();
    expect(checkRow('members', member, 0, seen)).toEqual([]);
    expect(seen.has(member.id)).toBe(true);
    expect(checkRow('members', member, 1, seen)).toEqual([{ table: 'members', rowId: member.id, message: '记录编号重复' }]);
  });

  it('a streamed restore refuses a table with an id given twice, naming it, and keeps ids of other tables apart', async () => {
    const book = await seeded();
    const checker = new RestorableRows();
    for (const m of book.members) expect(checker.check('members', m)).not.toBeNull();
    // The same id in another table is no duplicate.
    expect(checker.check('transactions', { ...book.transactions[0]!, id: book.members[0]!.id })).not.toBeNull();
    expect(checker.check('members', { ...book.members[1]! })).toBeNull();
    const error = (() => {
      try {
        checker.finish();
      } catch (e) {
        return e;
      }
    })();
    expect(isBookError(error)).toBe(true);
    expect((error as Error).message).toContain(book.members[1]!.id);
    expect((error as Error).message).toContain('记录编号重复');
  });
});
