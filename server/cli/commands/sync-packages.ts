import { readFile } from 'node:fs/promises';
import { PackageError } from '../../../shared/sync/package/package-error';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { enrolFromFile, exportPackage, importReply } from '../../../renderer/src/features/sync/packages';
import { requireFlag, UsageError, type ParsedArgs } from '../args';
import { readBookSession, writeBookSession, type OpenedBook } from '../book-session';
import { bookStateKey, loadBookDb, takeBookBack } from '../book-db';
import { EXIT, type Command } from '../command';
import { PASSCODE_ENV, resolveEnrolPasscode } from '../enrol-passcode';
import type { CliIO } from '../io';
import { newDeviceId, SYNC_STATE_VERSION, waitingCount, type BookSyncState } from '../sync-state';
import { writeAtomically } from './server-packages';

/**
 * `unionbooks sync enrol-file | export-package | import-package`: the 同步 page's offline path
 * (renderer/src/features/sync/packages.ts) run over a book file. The book and its sync state are
 * loaded into a private database (../book-db.ts), the app's own functions do the work, and the
 * result is written back only when they succeed: a refused file leaves the book byte for byte as it was.
 */

const json = (args: ParsedArgs) => args.flags.get('json') === true;

function readInput(path: string, what: string): Promise<Uint8Array> {
  return readFile(path).then(
    (b) => new Uint8Array(b),
    () => {
      throw new UsageError(`无法读取${what}：${path}`);
    },
  );
}

/** Reports a refusal of the app's package code (its message already says nothing was changed). */
function refused(args: ParsedArgs, io: CliIO, error: unknown): number {
  if (!(error instanceof PackageError)) throw error;
  if (json(args)) io.out(JSON.stringify({ ok: false, error: { code: error.code, message: error.message } }, null, 2));
  else io.err(error.message);
  return EXIT.failure;
}

/** The book's state after the app's code ran, as the book file keeps it. */
async function stateAfter(db: UnionBooksDB, opened: OpenedBook, deviceId: string): Promise<OpenedBook> {
  const taken = await takeBookBack(db);
  const before = opened.sync;
  const credentials = taken.config ?? before?.credentials;
  if (!credentials) throw new Error('同步凭证丢失');
  const sync: BookSyncState = {
    version: SYNC_STATE_VERSION,
    deviceId,
    credentials: { ...credentials },
    values: taken.values,
    outbox: taken.outbox,
  };
  return { ...opened, book: taken.book, sync };
}

/** Opens an enrolled book in a private database and runs `op` with the app's mutation layer. */
async function withPackageBook<R>(
  path: string,
  op: (db: UnionBooksDB, mutator: Mutator, sync: BookSyncState) => Promise<R>,
): Promise<{ result: R; opened: OpenedBook; after: OpenedBook }> {
  const opened = await readBookSession(path);
  const sync = opened.sync;
  if (!sync) {
    throw new UsageError(
      `账簿 ${path} 尚未注册到上级工会：请先用 unionbooks sync enrol-file 注册文件 --book ${path} 导入上级工会的注册文件`,
    );
  }
  // A book enrolled over the network has a package key once its enrolment or a sync brought one.
  if (!sync.credentials.packages) {
    throw new UsageError(
      `账簿 ${path} 已通过网络注册到 ${sync.credentials.unionName}，但还没有报送包密钥：请先联网用 unionbooks sync --book ${path} 同步一次（服务器会发给本账簿密钥），此后断网时可用离线报送包`,
    );
  }
  const db = await loadBookDb(opened.book, sync, sync.deviceId);
  try {
    const result = await op(db, await openMutator(db), sync);
    return { result, opened, after: await stateAfter(db, opened, sync.deviceId) };
  } finally {
    db.close();
  }
}

const ENROL_USAGE = 'unionbooks sync enrol-file 注册文件 --book 账簿.ubk [--passcode-file 口令文件] [--json]';

export const syncEnrolFileCommand: Command = {
  path: ['sync', 'enrol-file'],
  usage: ENROL_USAGE,
  summary:
    '用上级工会生成的离线注册文件注册本账簿（没有网络的工会用），此后用离线报送包同步。' +
    `注册文件口令由上级工会另行告知：写在口令文件第一行用 --passcode-file 指定，或放在环境变量 ${PASSCODE_ENV} 中；不接受写在命令行上的口令`,
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请给出注册文件');
    const path = requireFlag(args, 'book');
    const passcode = await resolveEnrolPasscode(args, process.env);
    const bytes = await readInput(file, '注册文件');
    const opened = await readBookSession(path);
    if (opened.sync) {
      const { unionName, unionCode } = opened.sync.credentials;
      return refused(
        args,
        io,
        new PackageError('invalid', `账簿 ${path} 已注册到 ${unionName}（${unionCode}），不能再导入注册文件，未做任何更改。`),
      );
    }
    const deviceId = newDeviceId();
    const db = await loadBookDb(opened.book, null, deviceId);
    let after: OpenedBook;
    try {
      await enrolFromFile(db, bytes, passcode);
      after = await stateAfter(db, opened, deviceId);
    } catch (error) {
      return refused(args, io, error);
    } finally {
      db.close();
    }
    await writeBookSession(path, after);
    const { unionCode, unionName } = after.sync!.credentials;
    if (json(args)) {
      io.out(JSON.stringify({ ok: true, union: { code: unionCode, name: unionName }, deviceId, packagesOnly: true }, null, 2));
    } else {
      io.out(`已用注册文件注册到 ${unionName}（${unionCode}），本账簿的设备编号 ${deviceId}。`);
      io.out(`本账簿只用离线报送包同步：unionbooks sync export-package --book ${path} --out 报送包文件 导出报送包。`);
    }
    return EXIT.ok;
  },
};

export const syncExportPackageCommand: Command = {
  path: ['sync', 'export-package'],
  usage: 'unionbooks sync export-package --book 账簿.ubk --out 报送包文件 [--year YYYY] [--json]',
  summary:
    '导出离线报送包：本账簿中服务器尚未确认的全部更改（首个报送包含整本账），加 --year 时附上该年度报送。' +
    '报送包交上级工会用 unionbooks server import-package 导入',
  async run(args, io) {
    const path = requireFlag(args, 'book');
    const out = requireFlag(args, 'out');
    const yearFlag = args.flags.get('year');
    let year: number | null = null;
    if (yearFlag !== undefined) {
      if (typeof yearFlag !== 'string' || !/^\d{4}$/.test(yearFlag)) throw new UsageError('--year 须为四位年份，例如 --year 2025');
      year = Number(yearFlag);
    }
    let run;
    try {
      run = await withPackageBook(path, async (db, mutator) => {
        const pkg = await exportPackage(db, mutator, year);
        // The package is written before the book takes its number, as the app does.
        await writeAtomically(out, pkg.bytes);
        return pkg;
      });
    } catch (error) {
      return refused(args, io, error);
    }
    const { result: pkg, after } = run;
    await writeBookSession(path, after);
    const { unionCode, unionName } = after.sync!.credentials;
    const pending = waitingCount(after.sync!);
    if (json(args)) {
      io.out(
        JSON.stringify(
          { ok: true, union: { code: unionCode, name: unionName }, out, seq: pkg.seq, changes: pkg.changes, year, pending },
          null,
          2,
        ),
      );
    } else {
      io.out(
        `已导出 ${unionName}（${unionCode}）的第 ${pkg.seq} 号报送包：${out}，含 ${pkg.changes} 条更改${year === null ? '' : `和 ${year} 年度报送`}。`,
      );
      io.out('请交上级工会导入，并把回执包带回，用 unionbooks sync import-package 回执包文件 导入。');
    }
    return EXIT.ok;
  },
};

export const syncImportPackageCommand: Command = {
  path: ['sync', 'import-package'],
  usage: 'unionbooks sync import-package 回执包文件 --book 账簿.ubk [--json]',
  summary: '导入上级工会的回执包：确认已收到的更改，收下年度报送的回执或退回、上级发布的内容和其他设备的更改。重复导入不变',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请给出回执包文件');
    const path = requireFlag(args, 'book');
    const bytes = await readInput(file, '回执包文件');
    let run;
    try {
      run = await withPackageBook(path, (db, mutator) => importReply(db, mutator, bytes));
    } catch (error) {
      return refused(args, io, error);
    }
    const { result: reply, opened, after } = run;
    // The same reply again changes nothing, and then the file is not rewritten either.
    const changed = bookStateKey(after.book, after.sync) !== bookStateKey(opened.book, opened.sync);
    if (changed) await writeBookSession(path, after);
    const pending = waitingCount(after.sync!);
    const receipt = reply.receipt && {
      year: reply.receipt.year,
      receiptNumber: reply.receipt.receiptNumber,
      status: reply.receipt.status,
      returnReason: reply.receipt.returnReason,
    };
    if (json(args)) {
      io.out(
        JSON.stringify(
          {
            ok: true,
            seq: reply.seq,
            acked: reply.acked,
            rows: reply.rows,
            receipt,
            submissionMessage: reply.submissionMessage,
            changed,
            pending,
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    io.out(
      `已导入第 ${reply.seq} 号回执包：服务器确认 ${reply.acked} 条更改，收到 ${reply.rows} 条记录${changed ? '' : '（此前已导入，账簿未做更改）'}。`,
    );
    if (receipt)
      io.out(`${receipt.year} 年度报送回执：${receipt.receiptNumber}${receipt.returnReason ? `（退回：${receipt.returnReason}）` : ''}`);
    if (reply.submissionMessage) io.out(`年度报送未收下：${reply.submissionMessage}`);
    io.out(`尚待报送的更改 ${pending} 条。`);
    return EXIT.ok;
  },
};

export const syncPackageCommands: readonly Command[] = [syncEnrolFileCommand, syncExportPackageCommand, syncImportPackageCommand];
