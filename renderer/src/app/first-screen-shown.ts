/** Where this browser profile keeps which first screen it showed last (./App.tsx writes it; read also by renderer/public/open-book-store.js). */
export const SHOWN_KEY = 'unionbooks.firstScreen';

export type FirstScreen = 'book' | 'first-run';

/**
 * The first screen this profile showed last, read synchronously as the page's code starts; null in a
 * new profile (or where storage is refused). Kept in localStorage, not the book's database: that
 * answers only once the main thread is free, after the rest of the start-up code has run.
 */
export function shownFirstScreen(): FirstScreen | null {
  try {
    const shown = localStorage.getItem(SHOWN_KEY);
    return shown === 'book' || shown === 'first-run' ? shown : null;
  } catch {
    return null;
  }
}

/** Kept for the next start; only a hint, so a profile that refuses storage starts as before. */
export function rememberFirstScreen(screen: FirstScreen): void {
  try {
    if (localStorage.getItem(SHOWN_KEY) !== screen) localStorage.setItem(SHOWN_KEY, screen);
  } catch {
    // The next start fetches its first screen's code a little later; nothing else depends on it.
  }
}
