// A classic script, run as the page's head is parsed, long before the app's modules. In a profile
// that showed its book last (the key of renderer/src/app/first-screen-shown.ts), asking which
// databases it holds makes the browser open the profile's IndexedDB store, which on a cold start
// takes hundreds of milliseconds in the browser's own process, while the app's code is fetched and
// run. Asked from the app's first module instead, the request leaves only once all the start-up
// code has run, and the app then waits for the store before its first screen. A new profile has no
// store to open. The answer is not used here: the app asks again (renderer/src/app/first-screen-code.ts).
// Plain JavaScript: it is copied into the build as it is.
try {
  if (localStorage.getItem('unionbooks.firstScreen') === 'book' && typeof indexedDB.databases === 'function') {
    indexedDB.databases().catch(function () {});
  }
} catch {
  // Storage refused: the app opens the store itself, only later.
}
