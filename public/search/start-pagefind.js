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

// Pagefind's files (the WebAssembly, metadata, index chunks, fragments) are
// gzip, and Pagefind inflates them with its own JavaScript on the page's
// main thread. It skips that for a file that arrives already inflated (it
// checks for its "pagefind_dcd" signature), so the page's fetch of those
// files inflates them with the browser's native DecompressionStream. In a
// profile of cold searches this took the page's busy time from 647 to
// 499 ms; A/B on 48 cold searches: median 965 -> 926 ms. A host that
// already sent them decoded (Content-Encoding) gets them through unchanged.
if (typeof DecompressionStream === 'function') {
  const fetchFile = globalThis.fetch;
  const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pagefindFile = new RegExp(`^${escapedBase}pagefind/(.*\\.pf_(meta|index|fragment)|wasm\\.[^/]*\\.pagefind)$`);
  globalThis.fetch = async (input, init) => {
    const response = await fetchFile(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!response.ok || !response.body || url.origin !== location.origin || !pagefindFile.test(url.pathname)) return response;
    try {
      const inflated = await new Response(response.clone().body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      return new Response(inflated, { status: response.status, statusText: response.statusText });
    } catch {
      // Not gzip (already decoded): Pagefind takes it as it is.
      return response;
    }
  };
}

export const pagefind = import(`${base}pagefind/pagefind.js`).then(async (module) => {
  await module.options({ baseUrl: base, noWorker: true });
  await module.init();
  return module;
});

// Unhandled here on purpose: the search module reports a missing index to the reader.
pagefind.catch(() => {});
