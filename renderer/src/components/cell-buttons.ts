import { theme } from 'antd';
import { useMemo, type CSSProperties } from 'react';

export interface CellButtonStyles {
  link: CSSProperties;
  danger: CSSProperties;
  disabled: CSSProperties;
  icon: CSSProperties;
  button: CSSProperties;
}

/**
 * Plain buttons styled like antd's link and small buttons, for the cells of long virtual tables:
 * scrolling draws new rows at every step, and an antd Button (or Tooltip) per cell makes each step
 * several times slower on an old PC.
 */
export function useCellButtonStyles(): CellButtonStyles {
  const { token } = theme.useToken();
  return useMemo(() => {
    const plain: CSSProperties = { border: 0, background: 'none', padding: 0, font: 'inherit', cursor: 'pointer' };
    return {
      link: { ...plain, color: token.colorLink },
      danger: { ...plain, color: token.colorError },
      disabled: { ...plain, color: token.colorTextDisabled, cursor: 'not-allowed' },
      icon: { ...plain, marginLeft: 6, color: token.colorTextSecondary },
      button: {
        ...plain,
        height: token.controlHeightSM,
        padding: `0 ${token.paddingXS - 1}px`,
        border: `${token.lineWidth}px solid ${token.colorBorder}`,
        borderRadius: token.borderRadiusSM,
        background: token.colorBgContainer,
        color: token.colorText,
      },
    };
  }, [token]);
}
