import type { FinanceBook } from '../../../../shared/finance/balances';
import { journalOfYear } from '../../../../shared/finance/journal';
import type { Period } from '../../../../shared/finance/period';
import { computeStatement } from '../../../../shared/finance/statement';
import type { UnionProfile } from '../../../../shared/model/records';
import { FILTERS, type Platform } from '../../platform';
import { office } from '../../workers/office';
import { todayIso } from './format';

export async function exportJournal(platform: Platform, book: FinanceBook, year: number, union: UnionProfile | null): Promise<boolean> {
  const bytes = await office.journalWorkbook(journalOfYear(book, year), { unionName: union?.name ?? '' });
  return platform.saveFile(`${year}年收支明细账.xlsx`, bytes, FILTERS.xlsx);
}

export async function exportStatement(platform: Platform, book: FinanceBook, period: Period, union: UnionProfile | null): Promise<boolean> {
  const s = computeStatement(book, period);
  const bytes = await office.statementWorkbook(s, {
    unionName: union?.name ?? '',
    chair: union?.chair ?? '',
    treasurer: union?.treasurer ?? '',
    madeOn: todayIso(),
  });
  return platform.saveFile(`收入支出表-${s.label}.xlsx`, bytes, FILTERS.xlsx);
}
