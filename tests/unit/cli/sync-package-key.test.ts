import type { FastifyInstance } from 'fastify';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { TABLE_NAMES } from '../../../shared/model/book';
import { writeEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import { readBookSession, writeBookSession } from '../../../server/cli/book-session';
import type { Database } from '../../../server/sync/db';
import { enrolOffline, importPackage } from '../../../server/sync/store/packages';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { listeningServer } from '../sync/harness';
import { runCli } from './capture';

const clock = new HybridLogicalClock('servertest');

/**
 * A book file of a union that was online and loses its network (it reports by package with the key
 * its network enrolment brought), and one enrolled by file whose union gets a network.
 */
describe('unionbooks sync between the network and packages', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let dir = '';

  beforeAll(async () => {
    ({ db: server, app, url } = await listeningServer());
    dir = await mkdtemp(join(tmpdir(), 'ub-cli-pkgkey-'));
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const newBook = async (name: string) => {
    const path = join(dir, `${name}.ubk`);
    expect((await runCli('init', '--name', `${name}工会`, '--out', path)).code).toBe(0);
    expect((await runCli('books', 'open', '--month', '2025-01', '--cash', '1000', '--bank', '20000', '--book', path)).code).toBe(0);
    return path;
  };
  const addEntry = async (book: string, summary: string) => {
    const r = await runCli(
      'books',
      'add',
      '--date',
      '2025-03-10',
      '--account',
      '408',
      '--amount',
      '300',
      '--place',
      'bank',
      '--summary',
      summary,
      '--book',
      book,
    );
    expect(r.code).toBe(0);
  };
  const exportPackage = async (book: string, out: string) => {
    const r = await runCli('sync', 'export-package', '--book', book, '--out', out, '--json');
    expect(r.err).toBe('');
    return JSON.parse(r.out) as { ok: boolean; seq: number; changes: number; pending: number };
  };
  /** What `unionbooks server import-package` runs, on the server the network sync reaches. */
  const serverImport = async (pkg: string, replyOut: string) => {
    const { report, reply } = await importPackage(server, clock, await readFile(pkg));
    await writeFile(replyOut, reply);
    return report;
  };
  const serverRows = async (code: string) =>
    Number(
      (
        await server.query<{ n: unknown }>('SELECT count(*) AS n FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.code = $1', [
          code,
        ])
      )[0]?.n,
    );

  it('a book enrolled over the network reports by package when the network goes, and the reply comes back in', async () => {
    const { enrolmentCode } = await createUnion(server, 'NK01', '网络工会');
    const book = await newBook('网络');
    const enrolled = await runCli('sync', '--book', book, '--server', url, '--union', 'NK01', '--enrol', enrolmentCode, '--json');
    expect(enrolled.code).toBe(0);
    const credentials = (await readBookSession(book)).sync!.credentials;
    expect(credentials.serverUrl).toBe(url);
    expect(credentials.packages?.packageKey).toBeTruthy();

    await addEntry(book, '断网后记的一笔');
    const pkg = join(dir, 'NK01-1.ubpkg');
    expect(await exportPackage(book, pkg)).toMatchObject({ ok: true, seq: 1, changes: 1, pending: 1 });
    const reply = join(dir, 'NK01-1.ubreply');
    expect(await serverImport(pkg, reply)).toMatchObject({ unionCode: 'NK01', seq: 1, applied: 1, duplicates: 0 });
    const back = await runCli('sync', 'import-package', reply, '--book', book, '--json');
    expect(back.err).toBe('');
    expect(JSON.parse(back.out)).toMatchObject({ ok: true, seq: 1, acked: 1, changed: true, pending: 0 });

    // Back on the network, nothing is sent twice.
    const again = await runCli('sync', '--book', book, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, pushed: 0, pending: 0 });
  });

  it('a book enrolled over the network before keys came with enrolment gets its key on its next sync', async () => {
    const { enrolmentCode } = await createUnion(server, 'NK02', '老注册工会');
    const book = await newBook('老注册');
    expect((await runCli('sync', '--book', book, '--server', url, '--union', 'NK02', '--enrol', enrolmentCode)).code).toBe(0);
    const opened = await readBookSession(book);
    const { packages, ...older } = opened.sync!.credentials;
    await writeBookSession(book, { ...opened, sync: { ...opened.sync!, credentials: older } });
    await server.query('UPDATE devices SET package_key = NULL WHERE id = $1', [packages!.enrolmentId]);

    const refused = await runCli('sync', 'export-package', '--book', book, '--out', join(dir, 'none.ubpkg'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('还没有报送包密钥');

    expect((await runCli('sync', '--book', book)).code).toBe(0);
    const [row] = await server.query<{ package_key: string }>('SELECT package_key FROM devices WHERE id = $1', [packages!.enrolmentId]);
    expect((await readBookSession(book)).sync!.credentials.packages).toEqual({
      enrolmentId: packages!.enrolmentId,
      packageKey: row!.package_key,
    });
    await addEntry(book, '取得密钥后');
    const pkg = join(dir, 'NK02-1.ubpkg');
    expect(await exportPackage(book, pkg)).toMatchObject({ ok: true, seq: 1, changes: 1 });
    expect(await serverImport(pkg, join(dir, 'NK02-1.ubreply'))).toMatchObject({ applied: 1 });
  });

  it('a book enrolled by file switches to network sync with --enrol, with a key of the new enrolment; the old device’s replies are refused', async () => {
    const { union } = await createUnion(server, 'NK03', '山上工会');
    const offline = await enrolOffline(server, union.id);
    const file = join(dir, 'NK03.ubenrol');
    const passcodeFile = join(dir, 'NK03.passcode');
    await writeFile(
      file,
      await writeEnrolmentFile({ unionCode: 'NK03', unionName: union.name, ...offline }, 'ABCDE-FGHJK', { iterations: 1000 }),
    );
    await writeFile(passcodeFile, 'ABCDE-FGHJK\n');
    const book = await newBook('山上');
    expect((await runCli('sync', 'enrol-file', file, '--book', book, '--passcode-file', passcodeFile)).code).toBe(0);
    await addEntry(book, '离线记的一笔');
    const oldPkg = join(dir, 'NK03-old.ubpkg');
    expect(await exportPackage(book, oldPkg)).toMatchObject({ ok: true, seq: 1 });

    const switched = await runCli('sync', '--book', book, '--server', url, '--union', 'NK03', '--enrol', await issueCode(server, union.id));
    expect(switched.err).toBe('');
    expect(switched.code).toBe(0);
    expect(switched.out).toContain('现改为网络同步');
    expect(switched.out).toContain('新的报送包密钥');
    const after = await readBookSession(book);
    const credentials = after.sync!.credentials;
    expect(credentials.serverUrl).toBe(url);
    expect(credentials.packages?.enrolmentId).toBeTruthy();
    expect(credentials.packages?.enrolmentId).not.toBe(offline.enrolmentId);
    expect(credentials.packages?.packageKey).not.toBe(offline.packageKey);
    // The whole book went over the network, the entry made offline with it.
    expect(await serverRows('NK03')).toBe(TABLE_NAMES.reduce((n, t) => n + after.book[t].length, 0));
    expect(after.sync!.outbox.filter((c) => c.synced === 0)).toEqual([]);

    // The package that left before the switch still imports on the server; its reply is for the old device.
    const oldReply = join(dir, 'NK03-old.ubreply');
    await serverImport(oldPkg, oldReply);
    const before = await readFile(book);
    const refused = await runCli('sync', 'import-package', oldReply, '--book', book);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('另一台设备');
    expect((await readFile(book)).equals(before)).toBe(true);

    // Packages now go under the new enrolment, numbered from 1.
    await addEntry(book, '又断网了');
    const pkg = join(dir, 'NK03-new.ubpkg');
    expect(await exportPackage(book, pkg)).toMatchObject({ ok: true, seq: 1, changes: 1 });
    expect(await serverImport(pkg, join(dir, 'NK03-new.ubreply'))).toMatchObject({ unionCode: 'NK03', seq: 1, applied: 1 });
  });
});
