import { theme } from 'antd';
import { useMemo } from 'react';
import { useInjectedCss } from './injected-css';

/** The antd Tag colours the long tables use. */
export type CellTagColor = 'green' | 'blue' | 'orange' | 'default';

/** Class names of the cell tag in each colour. */
export const CELL_TAG: Record<CellTagColor, string> = {
  green: 'ub-ct ub-ct-green',
  blue: 'ub-ct ub-ct-blue',
  orange: 'ub-ct ub-ct-orange',
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
    const preset = (c: 'green' | 'blue' | 'orange') => `.ub-ct-${c}{background:${token[`${c}1`]};color:${token[`${c}7`]}}`;
    return [
      `.ub-ct{display:inline-block;padding-inline:${8 - token.lineWidth}px;font-size:${token.fontSizeSM}px;` +
        `line-height:${token.lineHeightSM * token.fontSizeSM}px;white-space:nowrap;` +
        `border:${token.lineWidth}px ${token.lineType} transparent;border-radius:${token.borderRadiusSM}px}`,
      preset('green'),
      preset('blue'),
      preset('orange'),
      // antd's default tag: the tertiary fill laid over the container's background.
      `.ub-ct-default{background:linear-gradient(${token.colorFillTertiary},${token.colorFillTertiary}) ${token.colorBgContainer};color:${token.colorText}}`,
    ].join('\n');
  }, [token]);
  useInjectedCss('ub-cell-tags', css);
}
