import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { TABLE_NAMES } from '../../../shared/model/book';
import { writeBook } from '../../../server/cli/io';
import { PYTHON } from '../../support/python';

/** Python's zipfile checks every entry's CRC and the SHA-256 the manifest records, independently of our reader. */
const READER = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
manifest = json.loads(z.read('manifest.json'))
sums = {name: hashlib.sha256(z.read(name)).hexdigest() for name in manifest['checksums']}
members = json.loads(z.read('tables/members.json'))
print(json.dumps({'bad': bad, 'match': sums == manifest['checksums'], 'entries': len(z.namelist()), 'members': len(members), 'counts': manifest['counts']}))
`;

describe('a streamed book file', () => {
  it('is a ZIP another reader opens, with every checksum as the manifest records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-zipfile-'));
    try {
      const path = join(dir, 'book.ubk');
      const book = generateDemoBook({ seed: 4, members: 30, years: 1, endMonth: '2025-12', photos: 3 });
      await writeBook(path, book);
      const seen = JSON.parse(execFileSync(PYTHON, ['-c', READER, path], { encoding: 'utf8' })) as {
        bad: string | null;
        match: boolean;
        entries: number;
        members: number;
        counts: Record<string, number>;
      };
      expect(seen.bad).toBeNull();
      expect(seen.match).toBe(true);
      expect(seen.entries).toBe(1 + TABLE_NAMES.length + book.attachments.length);
      expect(seen.members).toBe(book.members.length);
      expect(seen.counts.members).toBe(book.members.length);
      expect(seen.counts.attachments).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
