import { describe, expect, it } from 'vitest';
import { normaliseBasePath, parseSiteConfig } from '../../src/config.ts';

describe('site config', () => {
  it('has defaults', () => {
    expect(parseSiteConfig({})).toEqual({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      contentDir: 'content/articles',
      pagesDir: 'content/pages',
    });
  });

  it('normalises the base path', () => {
    for (const raw of ['/archive/', '/archive', 'archive', 'archive/']) expect(normaliseBasePath(raw)).toBe('/archive/');
    expect(parseSiteConfig({ BASE_PATH: '/archive' }).basePath).toBe('/archive/');
  });

  it('explains a bad SITE_URL', () => {
    expect(() => parseSiteConfig({ SITE_URL: 'archive.example.org' })).toThrow(/SITE_URL.*完整网址/s);
  });
});
