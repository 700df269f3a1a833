/** Shown in backups and the about box; keep in step with package.json. */
export const APP_VERSION = '0.1.0';
