import { theme } from 'antd';
import { useMemo } from 'react';
import { useInjectedCss } from './injected-css';

/** Class names of the cell buttons' looks. */
export const CELL_BUTTON = {
  link: 'ub-cb ub-cb-link',
  danger: 'ub-cb ub-cb-danger',
  disabled: 'ub-cb ub-cb-disabled',
  icon: 'ub-cb ub-cb-icon',
  button: 'ub-cb ub-cb-button',
} as const;

/** Only the colour of a danger link, for text that is not a button (e.g. a red-ink 摘要). */
export const CELL_DANGER_TEXT = 'ub-cb-danger';

/**
 * Layouts inside a cell: monospaced digits, a line of text and tags, text cut with an ellipsis, an
 * inline icon, buttons side by side (as antd's Space of 12 px), and quieter text (as antd's
 * secondary Typography.Text).
 */
export const CELL_LAYOUT = {
  mono: 'ub-cl-mono',
  line: 'ub-cl-line',
  cut: 'ub-cl-cut',
  icon: 'ub-cl-icon',
  pair: 'ub-cl-pair',
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
        '.ub-cb{border:0;background:none;padding:0;font:inherit;cursor:pointer}',
        `.ub-cb-link{color:${token.colorLink}}`,
        `.ub-cb-danger{color:${token.colorError}}`,
        `.ub-cb-disabled{color:${token.colorTextDisabled};cursor:not-allowed}`,
        `.ub-cb-icon{margin-left:6px;color:${token.colorTextSecondary}}`,
        `.ub-cb-button{height:${token.controlHeightSM}px;padding:0 ${token.paddingXS - 1}px;` +
          `border:${token.lineWidth}px solid ${token.colorBorder};border-radius:${token.borderRadiusSM}px;` +
          `background:${token.colorBgContainer};color:${token.colorText}}`,
        '.ub-cl-mono{font-family:monospace}',
        '.ub-cl-line{display:flex;align-items:center;gap:4px;min-width:0}',
        '.ub-cl-cut{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}',
        '.ub-cl-icon{width:1em;height:1em;fill:currentColor;vertical-align:-0.125em}',
        '.ub-cl-pair{display:inline-flex;align-items:center;gap:12px}',
        `.ub-cl-quiet{color:${token.colorTextDescription}}`,
      ].join('\n'),
    [token],
  );
  useInjectedCss('ub-cell-buttons', css);
}
