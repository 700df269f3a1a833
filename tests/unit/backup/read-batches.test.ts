import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../shared/backup/byte-source';
import { encodeBackup } from '../../../shared/backup/format';
import { READ_BATCH, READ_BATCH_BYTES, readBackupRows } from '../../../shared/backup/read';
import { generateDemoBook } from '../../../shared/demo/generator';
import { uuidv7 } from '../../../shared/ids/uuid7';
import type { TableName } from '../../../shared/model/book';

const meta = { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'test' };

describe('the rows of a backup handed on as it is read', () => {
  it('come in batches of at most READ_BATCH rows, and fewer where rows are large, each row once', async () => {
    const book = generateDemoBook({ seed: 5, members: 300, years: 1, endMonth: '2025-12' });
    // A big company's activities: each lists a thousand participants (≈ 38 KB of JSON per row).
    const everyone = Array.from({ length: 1_000 }, () => uuidv7());
    book.activities = Array.from({ length: 300 }, (_, i) => ({
      ...book.activities[i % book.activities.length]!,
      id: uuidv7(),
      participantIds: everyone,
    }));
    const batches: { table: TableName; rows: number; text: number }[] = [];
    const seen = new Map<TableName, Set<string>>();
    await readBackupRows(bytesSource(await encodeBackup(book, meta)), {
      rows: (table, rows) => {
        batches.push({ table, rows: rows.length, text: JSON.stringify(rows).length });
        const ids = seen.get(table) ?? new Set<string>();
        for (const row of rows) ids.add((row as { id: string }).id);
        seen.set(table, ids);
      },
      file: () => undefined,
    });
    expect(seen.get('activities')?.size).toBe(300);
    expect(seen.get('members')?.size).toBe(book.members.length);
    expect(Math.max(...batches.map((b) => b.rows))).toBe(READ_BATCH);
    const activities = batches.filter((b) => b.table === 'activities');
    expect(activities.length).toBeGreaterThan(300 / READ_BATCH + 1);
    // Handed on once the limit is passed: at most one inflated piece beyond it.
    for (const b of activities) expect(b.text).toBeLessThan(2 * READ_BATCH_BYTES);
  });
});
