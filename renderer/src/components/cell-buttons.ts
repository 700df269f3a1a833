import { theme } from 'antd';
import { useMemo } from 'react';
import { centredTop } from './cell-metrics';
import { ICON_PATHS, iconUrl } from './icon-paths';
import { useInjectedCss } from './injected-css';

/** Class names of the cell buttons' looks. */
export const CELL_BUTTON = {
  link: 'ub-cb ub-cb-link',
  danger: 'ub-cb ub-cb-danger',
  disabled: 'ub-cb ub-cb-disabled',
  /** An icon button after the cell's text; its icon is one of `CELL_ICON`. */
  icon: 'ub-cb ub-cb-icon',
  button: 'ub-cb ub-cb-button',
} as const;

/** The icons of `CELL_BUTTON.icon`, drawn by the style sheet: the button has no element inside. */
export const CELL_ICON = {
  eye: 'ub-ic-eye',
  eyeInvisible: 'ub-ic-eye-off',
} as const;

/** Only the colour of a danger link, for text that is not a button (e.g. a red-ink 摘要). */
export const CELL_DANGER_TEXT = 'ub-cb-danger';

/**
 * Layouts inside a cell: monospaced digits, a line of text and tags (the text cut first), text cut
 * with an ellipsis, and quieter text (as antd's secondary Typography.Text). Cell buttons side by side
 * need no wrapper: they are 12 px apart, as in antd's Space.
 */
export const CELL_LAYOUT = {
  mono: 'ub-cl-mono',
  line: 'ub-cl-line',
  cut: 'ub-cl-cut',
  quiet: 'ub-cl-quiet',
} as const;

/**
 * Plain buttons styled like antd's link and small buttons, for the cells of long virtual tables:
 * scrolling draws new rows at every step, and an antd Button (or Tooltip) per cell makes each step
 * several times slower on an old PC. Call this in the table's component; its cells then use
 * `CELL_BUTTON`'s class names.
 */
export function useCellButtonCss(): void {
  const { token } = theme.useToken();
  const css = useMemo(
    () =>
      [
        // The cell's line height too: a link button sits on the cell's line like its text.
        '.ub-cb{border:0;background:none;padding:0;font:inherit;cursor:pointer}',
        '.ub-cb+.ub-cb{margin-inline-start:12px}',
        `.ub-cb-link{color:${token.colorLink}}`,
        `.ub-cb-danger{color:${token.colorError}}`,
        `.ub-cb-disabled{color:${token.colorTextDisabled};cursor:not-allowed}`,
        `.ub-cb-icon{display:inline-block;width:1em;height:1em;margin-left:6px;vertical-align:-0.125em;background:center/1em 1em no-repeat}`,
        `.ub-ic-eye{background-image:${iconUrl(ICON_PATHS.eye, token.colorTextSecondary)}}`,
        `.ub-ic-eye-off{background-image:${iconUrl(ICON_PATHS.eyeInvisible, token.colorTextSecondary)}}`,
        // Centred in the cell by its top margin (cells are plain blocks, one line high).
        `.ub-cb-button{vertical-align:top;margin-top:${centredTop(token.controlHeightSM)};line-height:${token.controlHeightSM - 2 * token.lineWidth}px;` +
          `height:${token.controlHeightSM}px;padding:0 ${token.paddingXS - 1}px;` +
          `border:${token.lineWidth}px solid ${token.colorBorder};border-radius:${token.borderRadiusSM}px;` +
          `background:${token.colorBgContainer};color:${token.colorText}}`,
        // Its own line, the cell's height: centred by the monospaced font's own height, not the cell's font's.
        '.ub-cl-mono{display:inline-block;vertical-align:top;font-family:monospace}',
        // Its items at the top: the text fills the cell's line and the tags' margins centre them.
        '.ub-cl-line{display:flex;align-items:flex-start;gap:4px;min-width:0}',
        '.ub-cl-cut{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}',
        `.ub-cl-quiet{color:${token.colorTextDescription}}`,
      ].join('\n'),
    [token],
  );
  useInjectedCss('ub-cell-buttons', css);
}
