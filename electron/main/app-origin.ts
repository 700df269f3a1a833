/** The origin the app's pages are served from (see app-protocol.ts); the one place that names it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'unionbooks';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
