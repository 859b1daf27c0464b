/** The build's and the tools' settings (src/config.ts parseToolSettings): defaults written once, empty means unset. */
import { describe, expect, it } from 'vitest';
import { parseToolSettings } from '../../src/config.ts';

describe('tool settings', () => {
  it('has one default for each setting', () => {
    expect(parseToolSettings({})).toEqual({
      cacheDir: 'node_modules/.astro',
      distDir: 'dist',
      astroOutDir: 'dist',
      searchIndexExternal: false,
      buildVerbose: false,
      corpusDir: undefined,
      chromiumPath: '/usr/bin/chromium',
    });
  });

  it('reads each variable, and treats an empty one as unset', () => {
    const settings = parseToolSettings({
      ARCHIVE_CACHE_DIR: '/tmp/cache',
      ARCHIVE_DIST_DIR: '',
      ARCHIVE_OUT_DIR: 'out.tmp',
      ARCHIVE_SEARCH_INDEX_EXTERNAL: '1',
      ARCHIVE_BUILD_VERBOSE: '0',
      ARCHIVE_CORPUS_DIR: '../corpus',
      CHROME_PATH: '/opt/chrome',
    });
    expect(settings).toMatchObject({
      cacheDir: '/tmp/cache',
      distDir: 'dist',
      astroOutDir: 'out.tmp',
      searchIndexExternal: true,
      buildVerbose: false,
      corpusDir: '../corpus',
      chromiumPath: '/opt/chrome',
    });
    expect(parseToolSettings({ CHROMIUM_PATH: '/a', CHROME_PATH: '/b' }).chromiumPath).toBe('/a');
  });
});
