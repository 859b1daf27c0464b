import { describe, expect, it } from 'vitest';
import { missingSiteUrlWarning, normaliseBasePath, parseSiteConfig } from '../../src/config.ts';

describe('site config', () => {
  it('has defaults', () => {
    expect(parseSiteConfig({})).toEqual({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      contentDir: 'content/articles',
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

describe('missingSiteUrlWarning', () => {
  it('names what the default address affects and how to set it', () => {
    const warning = missingSiteUrlWarning({});
    expect(warning).toContain('SITE_URL');
    for (const affected of ['canonical', 'sitemap', 'RSS', 'Open Graph', 'citation box', 'http://localhost:4321']) expect(warning).toContain(affected);
    expect(warning).toContain('SITE_URL=https://archive.example.org npm run build');
    expect(missingSiteUrlWarning({ SITE_URL: '  ' })).toBe(warning);
  });

  it('is silent when SITE_URL is set', () => {
    expect(missingSiteUrlWarning({ SITE_URL: 'https://archive.example.org' })).toBeUndefined();
  });
});
