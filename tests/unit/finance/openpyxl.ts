import { execFileSync } from 'node:child_process';
import { PYTHON } from '../../support/python';

export interface SheetDump {
  title: string;
  rows: (string | number | null)[][];
  orientation: string;
  paper: number;
  titles: string | null;
  fitWidth: number;
}

/** Reads every sheet with openpyxl (an independent reader) as a person would check it. */
const READER = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    out.append({
        "title": ws.title,
        "rows": [list(r) for r in ws.iter_rows(values_only=True)],
        "orientation": ws.page_setup.orientation,
        "paper": int(ws.page_setup.paperSize),
        "titles": ws.print_title_rows,
        "fitWidth": ws.page_setup.fitToWidth,
    })
print(json.dumps(out, ensure_ascii=False, default=str))
`;

export function readSheets(path: string): SheetDump[] {
  return JSON.parse(execFileSync(PYTHON, ['-c', READER, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** The first row whose first cell (trimmed of full-width indent) equals `label`. */
export function rowOf(sheet: SheetDump, label: string): (string | number | null)[] {
  const row = sheet.rows.find((r) => typeof r[0] === 'string' && r[0].replace(/^[\u3000\s]+/, '') === label);
  if (!row) throw new Error(`no row ${label} in ${sheet.title}`);
  return row;
}
