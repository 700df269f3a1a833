import { Alert, Typography } from 'antd';
import { monthsLabel } from '../../../../shared/dues/months';
import type { AnnualFacts } from '../../../../shared/facts/types';
import { CHINESE_FILTERS } from '../../../../shared/documents/filters';
import { formatYuan } from '../../../../shared/money/fen';

const chineseDate = CHINESE_FILTERS.cn_date;

/**
 * What the books show that a document states as it is, instead of claiming compliance: a chair sees
 * it before generating and can set the books right first (or let the document say so).
 */
export function findings(facts: AnnualFacts): string[] {
  const out: string[] = [];
  const { dues, finance, welfare, activities, period } = facts;
  if (dues.arrearsMembers > 0) out.push(`${dues.arrearsMembers} 人欠缴会费 ${formatYuan(dues.arrearsFen)} 元`);
  if (dues.unreconciledFen !== 0) out.push(`会费收缴记录与 401 会费收入相差 ${formatYuan(Math.abs(dues.unreconciledFen))} 元`);
  for (const l of finance.overBudget) out.push(`${l.code} ${l.name}超出预算 ${formatYuan(l.differenceFen)} 元`);
  for (const l of finance.withoutBudget) out.push(`${l.code} ${l.name}没有预算（支出 ${formatYuan(l.amountFen)} 元）`);
  if (welfare.overLimit.length > 0) out.push(`${welfare.overLimit.length} 人次慰问超出开支标准`);
  if (finance.openMonths.length > 0) out.push(`${monthsLabel(finance.openMonths.map((m) => m.month))}尚未结账`);
  if (activities.planned.length > 0) out.push(`${activities.planned.length} 项活动在成文日期之后，按计划写入`);
  if (!period.wholeYear) out.push(`数字统计截至${chineseDate(period.asOf)}，当月会费不计为欠缴`);
  return out;
}

export function DocumentChecks({ facts }: { facts: AnnualFacts }) {
  const list = findings(facts);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="document-checks"
      title="文档将如实写明"
      description={
        <Typography.Text>
          {list.map((f) => (
            <span key={f} style={{ display: 'block' }}>
              {f}
            </span>
          ))}
        </Typography.Text>
      }
    />
  );
}
