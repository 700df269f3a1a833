import { createUnion } from '../../sync/store/unions';
import { requireOrg, ROOT_ORG_ID } from '../../sync/store/orgs';
import { ClientError } from '../../sync/store/util';
import { openStore, runningServerPid } from '../../sync/runtime';
import { optionalFlag, requireFlag } from '../args';
import { EXIT, type Command } from '../command';
import { createUnionSchema } from '../../../shared/sync/admin';
import { describeIssues } from '../../../shared/sync/schemas';

export const serverAddUnionCommand: Command = {
  path: ['server', 'add-union'],
  usage: 'unionbooks server add-union --code 工会代码 --name 工会名称 [--org 所属组织代码] [--data 数据目录]',
  summary: '在同步服务器上新增一个基层工会账户，并打印一次性注册码',
  async run(args, io) {
    const parsed = createUnionSchema.safeParse({
      code: requireFlag(args, 'code'),
      name: requireFlag(args, 'name'),
      org: optionalFlag(args, 'org'),
    });
    if (!parsed.success) {
      io.err(describeIssues(parsed.error));
      return EXIT.usage;
    }
    const dataDir = optionalFlag(args, 'data');
    if (!process.env.DATABASE_URL && runningServerPid(dataDir)) {
      io.err('服务器正在使用该数据目录：请在管理页面新增工会，或先停止服务器再运行本命令');
      return EXIT.failure;
    }
    const { db, where } = await openStore(dataDir);
    try {
      const org = parsed.data.org ? await requireOrg(db, ROOT_ORG_ID, parsed.data.org) : { id: ROOT_ORG_ID };
      const { union, enrolmentCode } = await createUnion(db, parsed.data.code, parsed.data.name, org.id);
      io.out(`已新增工会：${union.name}（代码 ${union.code}，${where}）`);
      io.out(`一次性注册码：${enrolmentCode}`);
      io.out('请在该工会的“同步”页面填写服务器地址、工会代码和此注册码。注册码只能使用一次，30 天内有效。');
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ClientError)) throw error;
      io.err(error.message);
      return EXIT.failure;
    } finally {
      await db.close();
    }
  },
};
