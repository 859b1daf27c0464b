/**
 * The site's Content-Security-Policy, in one place: the <meta http-equiv> tag
 * (src/components/SecurityMeta.astro) renders it, and a test checks that
 * public/_headers sends exactly the same policy. docs/security.md
 * gives the reason for each directive.
 */

/** sha256 of the one <style> OpenSeadragon 6 inserts (its mobile focus-outline rule). */
export const OPENSEADRAGON_STYLE_HASH = "'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='";

/** Directive → sources, in the order they are written out. */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // Pagefind compiles its WebAssembly search engine; nothing else is allowed to eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The service worker only: Pagefind runs in the page (noWorker, src/search/pagefindApi.ts).
  'worker-src': ["'self'"],
  // Plus exactly one inline stylesheet: the focus rule OpenSeadragon (the page
  // scan viewer) adds to <head>; its hash is checked against the installed
  // viewer in tests/unit/scanViewerCsp.test.ts. Element styles the viewer sets
  // through the CSSOM need no permission. A policy that adds 'unsafe-inline'
  // (as a dev server's may) must leave this hash out: browsers ignore
  // 'unsafe-inline' wherever a hash is listed.
  'style-src': ["'self'", OPENSEADRAGON_STYLE_HASH],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

function policyText(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy as one header value: what every built page and public/_headers carry. */
export const contentSecurityPolicy: string = policyText(cspDirectives);

/**
 * `npm run dev` only (SecurityMeta.astro picks it by import.meta.env.DEV):
 * Vite's dev server delivers every stylesheet as an inline <style> tag, adds
 * more from its client on hot updates, and styles its error overlay inline,
 * so under `style-src 'self'` the preview was unstyled. Inline styles are the
 * only thing added; scripts stay as strict as in the build, and no built page
 * ever carries this policy (tests/security/pagesUnderPolicy.test.ts).
 */
export const devContentSecurityPolicy: string = policyText({
  ...cspDirectives,
  // Without the viewer's hash: browsers ignore 'unsafe-inline' wherever a hash is listed.
  'style-src': ["'self'", "'unsafe-inline'"],
});
