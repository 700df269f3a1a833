import type { ThemeConfig } from 'antd';

/**
 * The app's antd theme. One object for the app (main.tsx) and for the build that extracts the first
 * screens' antd styles (renderer/build/first-screen-styles.ts): the styles antd would generate are
 * found by a hash of the theme, so both must use the same one.
 */
export const THEME: ThemeConfig = {
  // No opening and closing animations: on an old office PC they cost frames at every dialog, drawer
  // and menu, and a closing dialog gives the window back only when its animation reports its end (once,
  // on a loaded machine, an answered dialog's empty layer stayed over the window and took every click).
  token: { colorPrimary: '#c0392b', borderRadius: 4, motion: false },
};
