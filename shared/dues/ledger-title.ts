/** The ledger's title, which is also its file name; apart from the workbook writer so the page names the file without loading exceljs. */
export function ledgerTitle(unionName: string, year: number): string {
  const name = unionName.includes('工会') ? unionName : `${unionName}工会`;
  return `${name}${year}年度会费收缴台账`;
}
