/**
 * `npm run dev` gets its own policy (Vite's styles are inline <style> tags);
 * it may differ from the production policy by inline styles only. That no
 * built page carries it is checked in tests/security/pagesUnderPolicy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives, devContentSecurityPolicy } from '../../src/lib/contentSecurityPolicy.ts';

describe('the dev server\'s Content-Security-Policy', () => {
  it('adds inline styles and nothing else to the production policy', () => {
    const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((rule) => [rule.split(' ')[0], rule.split(' ').slice(1)]));
    const dev = directives(devContentSecurityPolicy);
    const production = directives(contentSecurityPolicy);
    // No hash beside 'unsafe-inline': a browser that sees a hash ignores 'unsafe-inline'.
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(cspDirectives['style-src']!.some((source) => source.startsWith("'sha256-"))).toBe(true);
    expect({ ...dev, 'style-src': production['style-src'] }).toEqual(production);
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
  });
});

describe('the production Content-Security-Policy', () => {
  // tests/security/pagesUnderPolicy.test.ts counts on it: a request to another host is then always a violation.
  it('lets the pages reach no other host', () => {
    for (const [directive, sources] of Object.entries(cspDirectives)) {
      for (const source of sources) expect(source, directive).toMatch(/^('[a-z0-9-]+'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
    }
  });
});
