import type { ThemeConfig } from 'antd';

/**
 * The app's antd theme. One object for the app (main.tsx) and for the build that extracts the first
 * screens' antd styles (renderer/build/first-screen-styles.ts): the styles antd would generate are
 * found by a hash of the theme, so both must use the same one.
 */
export const THEME: ThemeConfig = { token: { colorPrimary: '#c0392b', borderRadius: 4 } };
