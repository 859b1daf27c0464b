/**
 * The site's Content-Security-Policy, in one place: the <meta http-equiv> tag
 * (src/components/SecurityMeta.astro) renders it, and a test checks that
 * public/_headers sends exactly the same policy. docs/security.md
 * gives the reason for each directive.
 */

/** Directive → sources, in the order they are written out. */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // Pagefind compiles its WebAssembly search engine; nothing else is allowed to eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The service worker only: Pagefind runs in the page (noWorker, src/search/pagefindApi.ts).
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy as one header value. */
export const contentSecurityPolicy: string = Object.entries(cspDirectives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
