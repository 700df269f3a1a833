import { readFile, rename, writeFile } from 'node:fs/promises';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { PackageError } from '../../../shared/sync/package/package-error';
import { unionOfSubtree } from '../../sync/store/devices';
import { ROOT_ORG_ID } from '../../sync/store/orgs';
import { importPackage, issueEnrolmentFile } from '../../sync/store/packages';
import { requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { withStore } from './server-orgs';

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes, { mode: 0o600 });
  await rename(tmp, path);
}

export const serverImportPackageCommand: Command = {
  path: ['server', 'import-package'],
  usage: 'unionbooks server import-package 报送包文件 --reply-out 回执包文件 [--json] [--data 数据目录]',
  summary: '导入基层工会的离线报送包（与网络同步相同的写入，重复导入不变），并写出回执包',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请给出报送包文件');
    const replyOut = requireFlag(args, 'reply-out');
    const bytes = new Uint8Array(await readFile(file));
    return withStore(args, io, async (db) => {
      try {
        const clock = new HybridLogicalClock(`cli${process.pid.toString(16)}`);
        const { report, reply } = await importPackage(db, clock, bytes);
        await writeAtomically(replyOut, reply);
        if (args.flags.get('json') === true) {
          io.out(JSON.stringify({ ...report, replyOut }, null, 2));
          return EXIT.ok;
        }
        io.out(
          `已导入 ${report.unionName}（${report.unionCode}）的第 ${report.seq} 号报送包：新写入 ${report.applied} 条变更，已有 ${report.duplicates} 条。`,
        );
        if (report.submission) io.out(`${report.submission.year} 年度报送已收到，回执号 ${report.submission.receiptNumber}。`);
        if (report.submissionMessage) io.out(`年度报送未收下：${report.submissionMessage}`);
        io.out(`回执包已写出：${replyOut}（请带回该工会，在“同步”页导入）`);
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof PackageError)) throw error;
        io.err(error.message);
        return EXIT.failure;
      }
    });
  },
};

export const serverEnrolmentFileCommand: Command = {
  path: ['server', 'enrolment-file'],
  usage: 'unionbooks server enrolment-file --union 工会代码 --out 注册文件 [--data 数据目录]',
  summary: '为没有网络的基层工会生成离线注册文件，并打印其口令（口令另行告知，不要与文件放在一起）',
  async run(args, io) {
    const code = requireFlag(args, 'union');
    const out = requireFlag(args, 'out');
    return withStore(args, io, async (db) => {
      const union = await unionOfSubtree(db, ROOT_ORG_ID, { code });
      const { bytes, passcode } = await issueEnrolmentFile(db, union);
      await writeAtomically(out, bytes);
      io.out(`已为 ${union.name}（${union.code}）生成注册文件：${out}`);
      io.out(`注册文件口令：${passcode}`);
      io.out('请在该工会的“同步”页选择“导入注册文件”，填写此口令。口令请另行告知，不要与文件放在同一个 U 盘上。');
      return EXIT.ok;
    });
  },
};
