// Starts Pagefind (its worker, WebAssembly and index metadata) as soon as the
// search page's HTML arrives. The search module (src/search/searchPage.ts)
// imports the same pagefind.js URL, so it gets this same, already started
// instance. This file is served as is, not bundled: Vite wraps a bundled
// dynamic import() in its preload helper, one more round trip before the
// worker could start (a cold search measured 120–200 ms slower).
const base = new URL('../', import.meta.url).pathname;
import(`${base}pagefind/pagefind.js`)
  .then(async (pagefind) => {
    await pagefind.options({ baseUrl: base });
    await pagefind.init();
  })
  .catch(() => {
    // The search module reports a missing index to the reader.
  });
