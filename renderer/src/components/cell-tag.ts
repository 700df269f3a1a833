import { theme } from 'antd';
import { useMemo, type CSSProperties } from 'react';

/** The antd Tag colours the long tables use. */
export type CellTagColor = 'green' | 'blue' | 'orange' | 'default';

/**
 * The look of antd's Tag (its default, filled variant, in the theme's colours) for the cells of long
 * virtual tables: an antd Tag per row costs more than the rest of the row to draw, and the roster
 * draws new rows at every scroll step.
 */
export function useCellTagStyles(): Record<CellTagColor, CSSProperties> {
  const { token } = theme.useToken();
  return useMemo(() => {
    const base: CSSProperties = {
      display: 'inline-block',
      paddingInline: 8 - token.lineWidth,
      fontSize: token.fontSizeSM,
      lineHeight: `${token.lineHeightSM * token.fontSizeSM}px`,
      whiteSpace: 'nowrap',
      border: `${token.lineWidth}px ${token.lineType} transparent`,
      borderRadius: token.borderRadiusSM,
    };
    const preset = (c: 'green' | 'blue' | 'orange'): CSSProperties => ({
      ...base,
      background: token[`${c}1`],
      color: token[`${c}7`],
    });
    return {
      green: preset('green'),
      blue: preset('blue'),
      orange: preset('orange'),
      // antd's default tag: the tertiary fill laid over the container's background.
      default: {
        ...base,
        background: `linear-gradient(${token.colorFillTertiary}, ${token.colorFillTertiary}) ${token.colorBgContainer}`,
        color: token.colorText,
      },
    };
  }, [token]);
}
