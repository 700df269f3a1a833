import { Alert, Select, Space, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { cellText } from '../../../../shared/roster/cells';
import { ROSTER_COLUMNS, type RosterField } from '../../../../shared/roster/columns';
import { maskedSample } from '../../../../shared/roster/masked-sample';
import { CELL_LAYOUT, useCellButtonCss } from '../../components/cell-buttons';
import { ROW_HEIGHT } from '../../components/cell-metrics';
import { CELL_SELECT, useCellSelectCss } from '../../components/cell-select';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import type { RosterImportState } from './useRosterImport';

const FIELD_OPTIONS = [
  { value: '', label: '（不导入）' },
  ...ROSTER_COLUMNS.map((c) => ({ value: c.field, label: c.field === 'seq' ? '序号（不导入）' : c.label })),
];
const FIELD_LABELS = new Map(FIELD_OPTIONS.map((o) => [o.value, o.label]));

/** Width of a column's 导入为 choice, as antd's Select had it. */
const SELECT_WIDTH = 160;

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface MappingRow {
  i: number;
  letter: string;
  header: string;
  samples: string;
  /** The field the column feeds, '' when it is not imported. */
  field: string;
}

/** The column whose real Select is mounted, and whether it mounts with its list open (a click) or not (focus). */
type Active = { column: number; open: boolean } | null;

/** Every column's 导入为 control in the page, in the table's order: the plain buttons and the one mounted Select's input. */
const FIELD_CONTROLS = `button.${CELL_SELECT.closed}, .${CELL_SELECT.open} input`;

/**
 * Tab and Shift+Tab between the columns' 导入为 controls, taken before the mounted Select sees the key. That
 * Select would take Tab as "choose the highlighted option" and keep the focus whenever it still counts its
 * list as open — and it closes its list a task after an option is chosen, so a Tab typed right after Enter
 * on a busy machine stayed on the column. The next control is found in the page, not in any state.
 */
function moveBetweenFields(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FIELD_CONTROLS)];
  const at = controls.findIndex((c) => c === event.target || c.contains(event.target as Node));
  if (at < 0) return;
  // The Select closes its list, without choosing, when it loses the focus.
  event.stopPropagation();
  const next = controls[at + (event.shiftKey ? -1 : 1)];
  // Past the first or last column the browser moves the focus on, out of the table.
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * Step 2: each column of the file with its header, two sample values and the field it feeds, which the user can change.
 * The light table of the preview with a plain button in a closed Select's look per column: antd's Table
 * measuring its columns and an antd Select per column took one task of 94–175 ms of CPU. The real
 * Select is mounted for one column at a time, when its button is clicked (with its list open) or reached
 * with the keyboard (focused, so Enter, Space and the arrows work as in any Select, Escape closes the list
 * without changing the choice). It stays mounted until another column's button takes the focus or a
 * click: nothing unmounts the control that has the focus, whatever blur or re-render comes in between.
 */
export function ImportMappingStep({ state }: { state: RosterImportState }) {
  const { parsed, mapping, setColumnField, problems } = state;
  const [active, setActive] = useState<Active>(null);
  useCellButtonCss();
  useCellSelectCss(SELECT_WIDTH);
  const samples = useMemo(() => parsed?.dataRows.slice(0, 2) ?? [], [parsed]);
  const rows = useMemo<MappingRow[]>(
    () =>
      (parsed?.headers ?? []).map((header, i) => ({
        i,
        letter: columnLetter(i),
        header,
        samples: samples
          .map((r) => maskedSample(mapping[i], cellText(r.cells[i])))
          .filter((t) => t !== '')
          .join('，'),
        field: mapping[i] ?? '',
      })),
    [parsed, samples, mapping],
  );
  const columns = useMemo<VirtualColumn<MappingRow>[]>(
    () => [
      { key: 'letter', title: '列', width: 50, render: (r) => r.letter },
      { key: 'header', title: '文件中的表头', width: 170, ellipsis: true, render: (r) => r.header },
      {
        key: 'samples',
        title: '示例',
        width: 200,
        grow: true,
        ellipsis: true,
        render: (r) => (
          <span className={CELL_LAYOUT.quiet} title={r.samples}>
            {r.samples}
          </span>
        ),
      },
      {
        key: 'field',
        title: '导入为',
        width: SELECT_WIDTH + 20,
        render: (r) => {
          const label = `第 ${r.letter} 列“${r.header}”导入为`;
          if (active?.column === r.i) {
            return (
              <Select
                key="select"
                aria-label={label}
                className={CELL_SELECT.open}
                autoFocus
                defaultOpen={active.open}
                value={r.field}
                options={FIELD_OPTIONS}
                onChange={(v: string) => setColumnField(r.i, v === '' ? null : (v as RosterField))}
              />
            );
          }
          return (
            <button
              key="button"
              type="button"
              role="combobox"
              aria-label={label}
              aria-haspopup="listbox"
              aria-expanded={false}
              className={CELL_SELECT.closed}
              // A click opens the list; no focus first (which would mount the Select closed under the pointer).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setActive({ column: r.i, open: true })}
              onFocus={() => setActive({ column: r.i, open: false })}
            >
              {FIELD_LABELS.get(r.field) ?? r.field}
            </button>
          );
        },
      },
    ],
    [active, setColumnField],
  );
  if (!parsed) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        表头在第 {parsed.headerRowNumber} 行（工作表“{parsed.sheetName}”），共 {parsed.dataRows.length} 行会员数据
        {parsed.skipped.length > 0 ? `；已跳过 ${parsed.skipped.map((s) => `第 ${s.rowNumber} 行“${s.text.slice(0, 8)}”`).join('、')}` : ''}
        。 请核对每一列对应的会员信息，不对的可以改。
      </Typography.Text>
      {problems.length > 0 ? <Alert type="warning" showIcon title={problems.join('；')} /> : null}
      <div onKeyDownCapture={moveBetweenFields}>
        <VirtualTable<MappingRow>
          rows={rows}
          columns={columns}
          rowKey={(r) => String(r.i)}
          // At most 380 px of rows, as antd's table with scroll.y had it.
          height={Math.min(380, Math.max(rows.length, 2) * ROW_HEIGHT)}
          label="核对列"
          data-testid="import-mapping"
        />
      </div>
    </Space>
  );
}
