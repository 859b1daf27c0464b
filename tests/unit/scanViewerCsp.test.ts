/**
 * The CSP allows one inline stylesheet: the rule OpenSeadragon inserts. Its
 * hash is pinned in the policy; this fails when an upgraded viewer inserts
 * other text (the page view would then log a CSP violation).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { OPENSEADRAGON_STYLE_HASH } from '../../src/lib/contentSecurityPolicy.ts';

describe('the page scan viewer under the CSP', () => {
  it("pins the hash of OpenSeadragon's inline stylesheet", () => {
    const source = readFileSync(createRequire(import.meta.url).resolve('openseadragon'), 'utf8');
    const match = /style\.textContent =\s*((?:'[^']*'\s*\+?\s*)+);/.exec(source);
    expect(match, 'OpenSeadragon still inserts its <style>').not.toBeNull();
    const text = [...match![1]!.matchAll(/'([^']*)'/g)].map((part) => part[1]).join('');
    const hash = createHash('sha256').update(text).digest('base64');
    expect(OPENSEADRAGON_STYLE_HASH).toBe(`'sha256-${hash}'`);
  });
});
