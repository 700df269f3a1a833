import type { YearGrid } from '../../../../shared/dues/grid';
import { packYearGrid } from '../../../../shared/dues/grid-wire';
import { ledgerTitle } from '../../../../shared/dues/ledger-title';
import { describeDuesRule } from '../../../../shared/dues/rule';
import type { UnionProfile } from '../../../../shared/model/records';
import { FILTERS, type Platform } from '../../platform';
import { office } from '../../workers/office';
import { todayIso } from './queries';

/** 导出会费台账: the grid the page shows (shared/dues/year-view.ts), as a printable workbook. Resolves false when the user cancels. */
export async function exportLedger(platform: Platform, grid: YearGrid, union: UnionProfile): Promise<boolean> {
  const bytes = await office.ledgerWorkbook(packYearGrid(grid), {
    unionName: union.name,
    date: todayIso(),
    ruleText: describeDuesRule(union.duesRule),
  });
  return platform.saveFile(`${ledgerTitle(union.name, grid.year)}.xlsx`, bytes, FILTERS.xlsx);
}
