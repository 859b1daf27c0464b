// Starts Pagefind (its WebAssembly and index metadata) as soon as the search
// page's HTML arrives. The search module (src/search/pagefindApi.ts) imports
// the same pagefind.js URL, so it gets this same, already started instance,
// and sets the same options. This file is served as is, not bundled: Vite
// wraps a bundled dynamic import() in its preload helper, one more round trip
// before Pagefind could start.
const base = new URL('../', import.meta.url).pathname;
import(`${base}pagefind/pagefind.js`)
  .then(async (pagefind) => {
    // noWorker: see PAGEFIND_OPTIONS in src/search/pagefindApi.ts.
    await pagefind.options({ baseUrl: base, noWorker: true });
    await pagefind.init();
  })
  .catch(() => {
    // The search module reports a missing index to the reader.
  });
