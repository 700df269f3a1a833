import { execFileSync } from 'node:child_process';
import { PYTHON } from '../../support/python';

/** Reads the ledger with openpyxl, an independent reader, and returns what a person would check. */
const READER = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
print(json.dumps({
  "rows": rows,
  "orientation": ws.page_setup.orientation,
  "paper": ws.page_setup.paperSize,
  "titles": ws.print_title_rows,
  "freeze": ws.freeze_panes,
}, ensure_ascii=False, default=str))
`;

export function readWithOpenpyxl(path: string): {
  rows: (string | number | null)[][];
  orientation: string;
  paper: number;
  titles: string;
  freeze: string;
} {
  return JSON.parse(execFileSync(PYTHON, ['-c', READER, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}
