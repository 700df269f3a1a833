import { reportPeriod } from '../../../shared/sync/annual-report';
import { annualReportXlsx } from '../../../shared/sync/annual-report-xlsx';
import { todayIso } from '../../../shared/clock/today';
import { annualReport } from '../../sync/store/annual-report';
import { requireOrg, ROOT_ORG_ID } from '../../sync/store/orgs';
import { optionalFlag, requireFlag } from '../args';
import { EXIT, type Command } from '../command';
import { writeAtomic, yearOf } from './export-flags';
import { withStore } from './server-orgs';

export const serverAnnualStatsCommand: Command = {
  path: ['server', 'annual-stats'],
  usage:
    'unionbooks server annual-stats --year 年度 [--org 组织代码] [--from 2024-10-01] [--to 2025-09-30] --out 统计年报.xlsx [--data 数据目录]',
  summary: '导出工会统计年报（基层工会）汇总表：按组织树逐级合计，另列未报送的工会（统计期间默认上年10月1日至本年9月30日）',
  async run(args, io) {
    const year = yearOf(args);
    const out = requireFlag(args, 'out');
    const period = reportPeriod(year, optionalFlag(args, 'from'), optionalFlag(args, 'to'));
    if (typeof period === 'string') {
      io.err(period);
      return EXIT.usage;
    }
    const code = optionalFlag(args, 'org');
    return withStore(args, io, async (db) => {
      const top = code ? await requireOrg(db, ROOT_ORG_ID, code) : null;
      const report = await annualReport(db, top?.id ?? ROOT_ORG_ID, year, period);
      const title = report.orgs[0]?.name ?? '';
      await writeAtomic(out, await annualReportXlsx(report, { title, madeOn: todayIso() }));
      const t = report.orgs[0]?.totals;
      io.out(`已导出 ${out}：${t?.unions ?? 0} 个工会，会员 ${t?.members ?? 0} 人，已报送 ${t?.reported ?? 0} 个`);
      return EXIT.ok;
    });
  },
};
