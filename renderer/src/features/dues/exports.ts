import type { DuesIndex } from '../../../../shared/dues/data';
import { buildYearGrid, throughMonthFor } from '../../../../shared/dues/grid';
import { ledgerTitle } from '../../../../shared/dues/ledger-title';
import { describeDuesRule } from '../../../../shared/dues/rule';
import type { UnionProfile } from '../../../../shared/model/records';
import { FILTERS, type Platform } from '../../platform';
import { office } from '../../workers/office';
import { todayIso } from './queries';

/** 导出会费台账: the same grid the page shows, as a printable workbook. Resolves false when the user cancels. */
export async function exportLedger(platform: Platform, index: DuesIndex, union: UnionProfile, year: number): Promise<boolean> {
  const today = todayIso();
  const grid = buildYearGrid(index, year, union.duesRule, throughMonthFor(year, today));
  const bytes = await office.ledgerWorkbook(grid, { unionName: union.name, date: today, ruleText: describeDuesRule(union.duesRule) });
  return platform.saveFile(`${ledgerTitle(union.name, year)}.xlsx`, bytes, FILTERS.xlsx);
}
