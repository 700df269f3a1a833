import { describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { decodeDuesMember, duesMembersOf, encodeDuesMember } from '../../../shared/dues/dues-members';
import { TEST_TODAY } from '../db/helpers';

describe('a member’s dues row in its stored form', () => {
  const book = generateDemoBook({ ...SMALL_DEMO, years: 2, endMonth: '2026-11', today: TEST_TODAY });
  // A removed member keeps a row while its events and bases are live: it is stored without one.
  book.members[0] = { ...book.members[0]!, deleted: 1 };
  const rows = duesMembersOf(book.members, book.memberships, book.wageBases);

  it('gives back every row exactly, members without a live member and rows with several events and bases included', () => {
    expect(rows.some((r) => r.member === null)).toBe(true);
    expect(rows.some((r) => r.events.length > 1)).toBe(true);
    expect(rows.some((r) => r.bases.length > 1)).toBe(true);
    expect(rows.map((r) => decodeDuesMember(encodeDuesMember(r)))).toEqual(rows);
  });

  it('holds no object per event or base and does not repeat the member’s id, so it is far smaller than the row', () => {
    for (const row of rows) {
      const stored = encodeDuesMember(row);
      expect([...stored.e, ...stored.b].every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);
      expect(JSON.stringify(stored.m ?? []).includes(row.id)).toBe(false);
    }
    // Property names are what IndexedDB copies per object: the JSON length stands in for the bytes.
    const size = (x: unknown) => JSON.stringify(x).length;
    expect(size(rows.map(encodeDuesMember))).toBeLessThan(size(rows) * 0.7);
  });
});
