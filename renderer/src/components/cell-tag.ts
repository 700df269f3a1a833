import { theme } from 'antd';
import { useMemo } from 'react';
import { useInjectedCss } from './injected-css';

/** The antd Tag colours the long tables use. */
export type CellTagColor = 'green' | 'blue' | 'orange' | 'red' | 'default';

/**
 * Class names of the cell tag in each colour. A tag with an icon puts the icon (an svg with
 * `CELL_LAYOUT.icon`) first and its text in a span after it, as antd's Tag does; a tag that opens
 * something is a `<button>` with these classes.
 */
export const CELL_TAG: Record<CellTagColor, string> = {
  green: 'ub-ct ub-ct-green',
  blue: 'ub-ct ub-ct-blue',
  orange: 'ub-ct ub-ct-orange',
  red: 'ub-ct ub-ct-red',
  default: 'ub-ct ub-ct-default',
};

/**
 * The look of antd's Tag (its default, filled variant, in the theme's colours) for the cells of long
 * virtual tables: an antd Tag per row costs more than the rest of the row to draw, and the roster
 * draws new rows at every scroll step. Call this in the table's component; its cells then use
 * `CELL_TAG`'s class names.
 */
export function useCellTagCss(): void {
  const { token } = theme.useToken();
  const css = useMemo(() => {
    const preset = (c: Exclude<CellTagColor, 'default'>) => `.ub-ct-${c}{background:${token[`${c}1`]};color:${token[`${c}7`]}}`;
    const padding = 8 - token.lineWidth;
    return [
      `.ub-ct{display:inline-block;padding-inline:${padding}px;font-size:${token.fontSizeSM}px;` +
        `line-height:${token.lineHeightSM * token.fontSizeSM}px;white-space:nowrap;` +
        `border:${token.lineWidth}px ${token.lineType} transparent;border-radius:${token.borderRadiusSM}px}`,
      // As far from its icon as antd's Tag sets its text.
      `.ub-ct>svg+span{margin-inline-start:${padding}px}`,
      // A tag that opens something is a button, for the keyboard: without the browser's own button look.
      'button.ub-ct{margin:0;padding-block:0;font-family:inherit;cursor:pointer}',
      preset('green'),
      preset('blue'),
      preset('orange'),
      preset('red'),
      // antd's default tag: the tertiary fill laid over the container's background.
      `.ub-ct-default{background:linear-gradient(${token.colorFillTertiary},${token.colorFillTertiary}) ${token.colorBgContainer};color:${token.colorText}}`,
    ].join('\n');
  }, [token]);
  useInjectedCss('ub-cell-tags', css);
}
