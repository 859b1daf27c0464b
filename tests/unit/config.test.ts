import { describe, expect, it } from 'vitest';
import { missingSiteUrlWarning, normaliseBasePath, parseSiteConfig } from '../../src/config.ts';

describe('site config', () => {
  it('has defaults', () => {
    expect(parseSiteConfig({})).toEqual({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      contentDir: 'content/articles',
      offlineAutoSaveMaxBytes: 2048 * 1024,
      pagesDir: 'content/pages',
    });
  });

  it('reads the offline auto-save limit in KiB and explains a bad one', () => {
    expect(parseSiteConfig({ OFFLINE_AUTOSAVE_MAX_KB: '0' }).offlineAutoSaveMaxBytes).toBe(0);
    expect(parseSiteConfig({ OFFLINE_AUTOSAVE_MAX_KB: '512' }).offlineAutoSaveMaxBytes).toBe(512 * 1024);
    for (const bad of ['2MB', '-1', '1.5']) {
      expect(() => parseSiteConfig({ OFFLINE_AUTOSAVE_MAX_KB: bad })).toThrow(/OFFLINE_AUTOSAVE_MAX_KB: 必须是不小于 0 的整数/);
    }
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
