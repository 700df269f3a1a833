import { theme } from 'antd';
import { CELL_HEIGHT, ROW_HEIGHT } from './cell-metrics';
import { usePrintMedia } from './print/usePrintMedia';
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type UIEvent } from 'react';

export interface VirtualColumn<T> {
  key: string;
  title: ReactNode;
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Stays in view while the table scrolls sideways. */
  fixed?: 'left' | 'right';
  /** Takes the room left over where the table is narrower than its place (its width is then a minimum). */
  grow?: boolean;
  /** One line, cut with an ellipsis (the whole text in the cell's title). */
  ellipsis?: boolean;
  /**
   * What the cell holds always fits its width (a date, an amount, a tag, buttons): the cell is not
   * clipped. A clipped cell is a clip the browser builds, paints and layerizes for every row a scroll
   * step brings in; most cells never need one.
   */
  fits?: boolean;
  /** For rows where this cell takes the next column's place too (that column's cell is left out). */
  spansNext?: (row: T) => boolean;
  render: (row: T) => ReactNode;
}

interface Props<T> {
  rows: readonly T[];
  columns: readonly VirtualColumn<T>[];
  rowKey: (row: T) => string;
  /** Height of the scrolling body, in pixels. */
  height: number;
  label: string;
  empty?: ReactNode;
  /** e.g. `print-target`, for the page's 打印 (components/print). */
  className?: string;
  'data-testid'?: string;
}

/** How long after its last scroll step a table counts as still: its rows then take the pointer again. */
const SCROLL_SETTLE_MS = 150;

/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 6;

type Token = ReturnType<typeof theme.useToken>['token'];

/**
 * A table for thousands of rows that scrolls smoothly on a slow PC: rows have one fixed height, only
 * those in view (and a few around them) exist in the page, and a row already drawn is never drawn
 * again while scrolling. It looks like antd's small table, with the table roles for assistive technology.
 */
export function VirtualTable<T>({ rows, columns, rowKey, height, label, empty, className, 'data-testid': testId }: Props<T>) {
  const { token } = theme.useToken();
  const printing = usePrintMedia();
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  // The first row in view (at least partly): the rows drawn follow from it and the height.
  const [top, setTop] = useState(0);
  const frame = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const sideways = useSideways(scroller, width);
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    const box = event.currentTarget;
    const offset = box.scrollTop;
    // While it scrolls the rows take no pointer: the browser then hit-tests no row under a resting
    // pointer at each frame, nor restyles and repaints the row it hovers as rows slide under it. Set
    // on the element, not in state, so a scroll step renders nothing for it.
    box.classList.add('m');
    clearTimeout(settle.current);
    settle.current = setTimeout(() => box.classList.remove('m'), SCROLL_SETTLE_MS);
    // One update per frame, however many scroll events arrive in it, and none while the same rows
    // stay in view: the table is then not even rendered again.
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setTop(Math.floor(offset / ROW_HEIGHT)));
  }, []);

  // With a growing column the rows fill their place; otherwise they are exactly as wide as their columns.
  const span = columns.some((c) => c.grow) ? { minWidth: width } : { width };
  // Cells are styled by class from one style sheet per table: a scroll step then sets a class per
  // cell instead of a dozen inline style properties.
  const css = useMemo(() => tableCss(`ub-vt-${id}`, token, columns, sideways), [id, token, columns, sideways]);
  const first = Math.max(0, top - OVERSCAN);
  // Every row a part of which can be in view, then OVERSCAN more.
  const last = Math.min(rows.length, top + Math.ceil(height / ROW_HEIGHT) + 1 + OVERSCAN);
  const shown = rows.slice(first, last);

  // On paper every row, in a plain table whose header repeats on each sheet.
  if (printing) return <PrintTable rows={rows} columns={columns} rowKey={rowKey} label={label} className={className} testId={testId} />;

  return (
    <div
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
      className={`ub-vt-${id}${className ? ` ${className}` : ''}`}
    >
      <style>{css}</style>
      <div ref={scroller} className="s" style={{ height: height + ROW_HEIGHT }} onScroll={onScroll}>
        <div role="rowgroup" className="h" style={span}>
          <div role="row" aria-rowindex={1} className="r">
            {columns.map((c, i) => (
              <div key={c.key} role="columnheader" className={`c c${i}`}>
                {c.title}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ position: 'relative', height: Math.max(rows.length, 1) * ROW_HEIGHT, ...span }}>
          {rows.length === 0 && <div className="e">{empty}</div>}
          {shown.map((row, i) => (
            <Row key={rowKey(row)} row={row} index={first + i} columns={columns} />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * Whether the table is wider than its place, so it scrolls sideways. Only then do fixed columns
 * need to stick: a sticky cell is its own layer the browser composites on every scroll frame, and
 * a table with five fixed columns drawn 30 rows deep would pay that on each frame for nothing.
 * Measured before paint, and again whenever the place changes size (a window resized, the side
 * menu folded). Until measured, and where it cannot be, the columns stick: never a hidden column.
 */
function useSideways(scroller: { current: HTMLDivElement | null }, width: number): boolean {
  const [sideways, setSideways] = useState(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setSideways(el.clientWidth < width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller, width]);
  return sideways;
}

/** The table's style sheet, scoped to its own class: the antd small table's look, fixed columns sticking while it scrolls sideways. */
function tableCss<T>(scope: string, token: Token, columns: readonly VirtualColumn<T>[], sideways: boolean): string {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  let left = 0;
  let right = width;
  const perColumn = columns.map((c, i) => {
    const start = left;
    left += c.width;
    right -= c.width;
    // A pinned cell is opaque, so the cells sliding under it do not show through; every other cell
    // is see-through, over its row: a background per cell cost paint and layerization in each new row.
    const pinned = sideways && (c.fixed === 'left' || c.fixed === 'right');
    const stick = !pinned
      ? ''
      : c.fixed === 'left'
        ? `position:sticky;left:${start}px;z-index:1;`
        : `position:sticky;right:${right}px;z-index:1;`;
    const clip = c.fits && !c.ellipsis ? '' : 'overflow:hidden;';
    const cell =
      `.${scope} .c${i}{flex:${c.grow ? 1 : 0} 0 ${c.width}px;width:${c.width}px;text-align:${c.align ?? 'left'};${clip}${stick}}` +
      (pinned
        ? `\n.${scope} .b .c${i}{background:${token.colorBgContainer}}\n.${scope} .b:hover .c${i}{background:${token.controlItemBgHover}}`
        : '');
    const next = columns[i + 1];
    if (!c.spansNext || !next) return cell;
    // The same cell where it takes the next column's place too; a fixed one sticks where that column would.
    const wide = c.width + next.width;
    const wideStick = sideways && c.fixed === 'right' ? `right:${right - next.width}px;` : '';
    return `${cell}\n.${scope} .c${i}.w{flex-basis:${wide}px;width:${wide}px;text-align:center;${wideStick}}`;
  });
  const border = `1px solid ${token.colorBorderSecondary}`;
  return [
    `.${scope}{font-size:${token.fontSize}px;color:${token.colorText};border:${border};border-radius:${token.borderRadius}px;overflow:hidden}`,
    // Opaque, so Chromium scrolls it on the compositor (a scroller it sees through would be repainted
    // whole at each scroll step), and only the rows newly drawn are painted.
    `.${scope} .s{overflow:auto;position:relative;contain:strict;background:${token.colorBgContainer}}`,
    `.${scope} .h{position:sticky;top:0;z-index:2}`,
    `.${scope} .r{display:flex;${columns.some((c) => c.grow) ? `min-width:${width}px;width:100%` : `width:${width}px`};height:${ROW_HEIGHT}px;border-bottom:${border};box-sizing:border-box}`,
    `.${scope} .b{position:absolute;left:0}`,
    `.${scope} .m .b{pointer-events:none}`,
    // A cell is a plain block, one line as high as the cell: a flex box per cell (and the anonymous box
    // around its text) cost style and layout in every row a scroll step brings in. Its tags and
    // buttons centre themselves by their top margin (components/cell-metrics.ts).
    // Clipped by its column's rule unless what it holds fits (`fits`).
    `.${scope} .c{box-sizing:border-box;height:${CELL_HEIGHT}px;line-height:${CELL_HEIGHT}px;padding:0 ${token.paddingXS}px;white-space:nowrap}`,
    // The row under the pointer, behind its see-through cells (pinned cells follow it by their own rule).
    `.${scope} .b:hover{background:${token.controlItemBgHover}}`,
    `.${scope} .h .r:hover .c{background:${token.controlItemBgHover}}`,
    // Opaque, so a header sliding under a fixed one while scrolling sideways does not show through.
    `.${scope} [role=columnheader]{background:linear-gradient(${token.colorFillAlter},${token.colorFillAlter}) ${token.colorBgContainer};font-weight:${token.fontWeightStrong}}`,
    // A cut cell holds its text alone: a wrapper per cell costs each new row.
    `.${scope} .c.x{text-overflow:ellipsis}`,
    `.${scope} .e{padding:${token.paddingLG}px;text-align:center;color:${token.colorTextDescription}}`,
    ...perColumn,
  ].join('\n');
}

interface RowProps<T> {
  row: T;
  index: number;
  columns: readonly VirtualColumn<T>[];
}

function RowView<T>({ row, index, columns }: RowProps<T>) {
  return (
    <div role="row" aria-rowindex={index + 2} className="r b" style={{ top: index * ROW_HEIGHT }}>
      {columns.map((c, i) => {
        const before = columns[i - 1];
        if (before?.spansNext?.(row)) return null;
        // A cell taking the next column's place too is styled by the sheet's `.w` class, not inline.
        const wide = columns[i + 1] && c.spansNext?.(row);
        const content = c.render(row);
        const cut = c.ellipsis ? ' x' : '';
        return (
          <div
            key={c.key}
            role="cell"
            className={wide ? `c c${i} w${cut}` : `c c${i}${cut}`}
            title={c.ellipsis && typeof content === 'string' ? content : undefined}
          >
            {content}
          </div>
        );
      })}
    </div>
  );
}

const Row = memo(RowView) as typeof RowView;

/** Columns of row actions (编辑, 冲销 …) mean nothing on paper. */
const ACTIONS_KEY = 'actions';

function PrintTable<T>({
  rows,
  columns: all,
  rowKey,
  label,
  className,
  testId,
}: {
  rows: readonly T[];
  columns: readonly VirtualColumn<T>[];
  rowKey: (row: T) => string;
  label: string;
  className?: string;
  testId?: string;
}) {
  const columns = all.filter((c) => c.key !== ACTIONS_KEY);
  return (
    <table className={`ub-print-table${className ? ` ${className}` : ''}`} aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} style={{ textAlign: c.align ?? 'left' }}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) =>
              columns[i - 1]?.spansNext?.(row) ? null : (
                <td key={c.key} colSpan={c.spansNext?.(row) ? 2 : undefined} style={{ textAlign: c.align ?? 'left' }}>
                  {c.render(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
