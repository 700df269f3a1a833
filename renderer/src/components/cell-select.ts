import { theme } from 'antd';
import { useMemo } from 'react';
import { centredTop } from './cell-metrics';
import { ICON_PATHS, iconUrl } from './icon-paths';
import { useInjectedCss } from './injected-css';

/** Class name of a closed select's look in a cell, and of the antd Select that replaces it when used. */
export const CELL_SELECT = { closed: 'ub-cs', open: 'ub-cs-open' } as const;

/**
 * The look of a closed antd Select (default size, outlined), for a table with a choice in every row: a
 * plain `<button>` with the chosen label and the down arrow, until the user opens or focuses it and
 * the table mounts the real Select in its place. Twenty antd Selects in an antd Table took one task of
 * about 100 ms in 导入名册's column-mapping step. Call this in the table's component; its cells then use
 * `CELL_SELECT`'s class names, both `width` px wide.
 */
export function useCellSelectCss(width: number): void {
  const { token } = theme.useToken();
  const css = useMemo(() => {
    const padding = token.paddingSM - token.lineWidth;
    const arrow = token.fontSizeIcon;
    return [
      // Centred in the cell by its top margin (cells are plain blocks, one line high).
      `.ub-cs{display:inline-block;vertical-align:top;margin:${centredTop(token.controlHeight)} 0 0;box-sizing:border-box;` +
        `width:${width}px;height:${token.controlHeight}px;padding:0 ${padding + arrow + token.paddingXS}px 0 ${padding}px;` +
        `border:${token.lineWidth}px ${token.lineType} ${token.colorBorder};border-radius:${token.borderRadius}px;` +
        `background:${iconUrl(ICON_PATHS.down, token.colorTextQuaternary)} right ${padding}px center/${arrow}px ${arrow}px no-repeat ${token.colorBgContainer};` +
        `color:${token.colorText};font:inherit;font-size:${token.fontSize}px;line-height:${token.controlHeight - 2 * token.lineWidth}px;` +
        'text-align:start;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:pointer}',
      `.ub-cs:hover{border-color:${token.colorPrimaryHover}}`,
      `.ub-cs:focus-visible{outline:0;border-color:${token.colorPrimary};box-shadow:0 0 0 ${token.controlOutlineWidth}px ${token.controlOutline}}`,
      `.ub-cs-open{vertical-align:top;margin-top:${centredTop(token.controlHeight)};width:${width}px}`,
    ].join('\n');
  }, [token, width]);
  useInjectedCss('ub-cell-select', css);
}
