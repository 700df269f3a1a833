import { theme } from 'antd';
import { useMemo } from 'react';
import { centredTop } from './cell-metrics';
import { ICON_PATHS, iconUrl } from './icon-paths';
import { useInjectedCss } from './injected-css';

/** The antd Tag colours the long tables use. */
export type CellTagColor = 'green' | 'blue' | 'orange' | 'red' | 'default';

/**
 * Class names of the cell tag in each colour. A tag with an icon adds one of `CELL_TAG_ICON`, drawn
 * before its text as antd's Tag draws it; a tag that opens something is a `<button>` with these classes.
 */
export const CELL_TAG: Record<CellTagColor, string> = {
  green: 'ub-ct ub-ct-green',
  blue: 'ub-ct ub-ct-blue',
  orange: 'ub-ct ub-ct-orange',
  red: 'ub-ct ub-ct-red',
  default: 'ub-ct ub-ct-default',
};

/** Icons before a default tag's text, drawn by the style sheet: no element per row for them. */
export const CELL_TAG_ICON = {
  lock: 'ub-ct-lock',
  paperClip: 'ub-ct-clip',
} as const;

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
    const line = token.lineHeightSM * token.fontSizeSM;
    return [
      // Centred in the cell by its top margin: cells are plain blocks, one line high.
      `.ub-ct{display:inline-block;vertical-align:top;margin-top:${centredTop(line + 2 * token.lineWidth)};` +
        `padding-inline:${padding}px;font-size:${token.fontSizeSM}px;line-height:${line}px;white-space:nowrap;` +
        `border:${token.lineWidth}px ${token.lineType} transparent;border-radius:${token.borderRadiusSM}px}`,
      // The icon as far from its text as antd's Tag sets it, in the default tag's colour.
      `.ub-ct-lock::before,.ub-ct-clip::before{content:'';display:inline-block;width:1em;height:1em;vertical-align:-0.125em;` +
        `margin-inline-end:${padding}px;background:center/1em 1em no-repeat}`,
      `.ub-ct-lock::before{background-image:${iconUrl(ICON_PATHS.lock, token.colorText)}}`,
      `.ub-ct-clip::before{background-image:${iconUrl(ICON_PATHS.paperClip, token.colorText)}}`,
      // A tag that opens something is a button, for the keyboard: without the browser's own button look.
      // (Its top margin stays: it centres the tag.)
      'button.ub-ct{margin-inline:0;margin-bottom:0;padding-block:0;font-family:inherit;cursor:pointer}',
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
