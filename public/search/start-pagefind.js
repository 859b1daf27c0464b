// Starts Pagefind (its WebAssembly and index metadata) as soon as the search
// page's HTML arrives, and is the one place that sets its options. The search
// module (src/search/pagefindApi.ts) imports this same file and awaits
// `pagefind`: a module runs once per URL, so it gets this instance, already
// started. Served as is, not bundled: Vite puts its preload helper, one more
// round trip, in front of a bundled dynamic import().
//
// noWorker: Pagefind runs in the page, not in its web worker. A query is
// several word lookups (src/search/engine.ts), each returning every article
// with the word and all its positions; through the worker each result was
// copied between threads and registered for cleanup on the page, which took
// longer than the search (24 cold searches of 6 queries on the corpus
// archive: median 912 ms without the worker, 1,025 ms with it), and the
// worker's script (42 KB) is no longer downloaded.
const base = new URL('../', import.meta.url).pathname;

export const pagefind = import(`${base}pagefind/pagefind.js`).then(async (module) => {
  await module.options({ baseUrl: base, noWorker: true });
  await module.init();
  return module;
});

// Unhandled here on purpose: the search module reports a missing index to the reader.
pagefind.catch(() => {});
