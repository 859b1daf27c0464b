/**
 * Every internal link in dist/ resolves, #fragments included: the seed
 * archive at the root and under BASE_PATH=/archive/, and the Unicode archive
 * whose permalinks contain Extension B characters.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { TMP_ROOT } from '../support/buildSite.ts';
import { checkInternalLinks } from '../support/linkCheck.ts';

describe('every internal link resolves', () => {
  it('seed archive at the site root', async () => {
    const { checked, problems } = checkInternalLinks({ dist: await fixtureSite('seed'), siteUrl: 'http://localhost:4321', basePath: '/' });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('seed archive under BASE_PATH=/archive/', async () => {
    const siteUrl = 'https://news.example.org';
    const dist = await fixtureSite('archive');
    const { checked, problems } = checkInternalLinks({ dist, siteUrl, basePath: '/archive/' });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('Unicode archive (permalinks with 𠮷)', async () => {
    const dist = await fixtureSite('unicode');
    const { problems } = checkInternalLinks({ dist, siteUrl: 'http://localhost:4321', basePath: '/' });
    expect(problems).toEqual([]);
  });

  it('the checker does report a missing page, a missing #fragment and a link out of the base path', async () => {
    const dist = path.join(TMP_ROOT, 'links-canary');
    cpSync(await fixtureSite('seed'), dist, { recursive: true });
    mkdirSync(path.join(dist, 'broken'), { recursive: true });
    writeFileSync(
      path.join(dist, 'broken', 'index.html'),
      '<!doctype html><title>x</title><a href="../no-such-page/">a</a><a href="../search/#no-such-id">b</a><img src="/elsewhere.png" alt="">',
    );
    const { problems } = checkInternalLinks({ dist, siteUrl: 'http://localhost:4321', basePath: '/' });
    expect(problems.filter((problem) => problem.startsWith('/broken/'))).toEqual([
      '/broken/ → ../no-such-page/: no such file in the build',
      '/broken/ → ../search/#no-such-id: no id="no-such-id" on the target page',
      '/broken/ → /elsewhere.png: no such file in the build',
    ]);
  });
});
