/** The build-time split of a built site into app shell and archive (src/build/offlineManifest.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { planOffline, readerUrl, type OfflinePlan } from '../../src/build/offlineManifest.ts';
import { fileRevision } from '../../src/build/fileRevision.ts';
import { hostOnlyReason } from '../../src/build/hostOnlyFiles.ts';
import { revisionOf } from '../../src/offline/revision.ts';
import type { OfflineManifest } from '../../src/offline/archiveManifest.ts';

let dist: string;
let plan: OfflinePlan;

beforeAll(async () => {
  dist = await fixtureSite('seed');
  plan = await planOffline(dist, { autoSaveMaxBytes: 2 * 1024 * 1024 });
});

describe('offline plan of the seed site', () => {
  it('puts the pages and Pagefind runtime a reader needs first into the shell', () => {
    const shell = plan.shell.map((file) => file.url);
    expect(shell).toEqual(expect.arrayContaining(['./', 'search/', 'offline/', '404.html', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'search/start-pagefind.js', 'theme-init.js']));
    expect(shell.some((url) => /^pagefind\/wasm\..+\.pagefind$/.test(url))).toBe(true);
    // The index metadata lists every article: archive, not shell.
    expect(shell.some((url) => url.endsWith('.pf_meta'))).toBe(false);
    expect(shell.some((url) => url.startsWith('_astro/') && url.endsWith('.css'))).toBe(true);
  });

  it('puts every article page and every index chunk and fragment into the archive, once', () => {
    const archive = plan.archive.map((file) => file.url);
    expect(new Set(archive).size).toBe(archive.length);
    expect(archive).toContain('2022/02/24/fu-shan-ling-yun-hai/');
    for (const folder of ['index', 'fragment']) {
      for (const name of readdirSync(path.join(dist, 'pagefind', folder))) expect(archive).toContain(`pagefind/${folder}/${name}`);
    }
    expect(plan.shell.some((file) => archive.includes(file.url))).toBe(false);
  });

  it('leaves out generated files and the Pagefind UI bundles the site does not load', () => {
    const all = [...plan.shell, ...plan.archive].map((file) => file.file);
    expect(all).not.toContain('sw.js');
    expect(all).not.toContain('offline-manifest.json');
    expect(all).not.toContain('pagefind/pagefind-ui.js');
    // Pagefind runs in the page (noWorker), so its worker script is never fetched.
    expect(plan.shell.map((file) => file.file)).not.toContain('pagefind/pagefind-worker.js');
  });

  it('leaves out _headers, which Netlify, Cloudflare Pages and astro preview answer with 404', () => {
    expect(readdirSync(dist)).toContain('_headers');
    const all = [...plan.shell, ...plan.archive].map((file) => file.file);
    expect(all).not.toContain('_headers');
    expect(plan.hostOnly).toEqual([{ file: '_headers', reason: expect.stringContaining('Netlify') }]);
    const written = JSON.parse(readFileSync(path.join(dist, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
    expect(written.files.map((file) => file.url)).not.toContain('_headers');
    // The worker's precache list is injected into sw.js as JSON-like entries.
    expect(readFileSync(path.join(dist, 'sw.js'), 'utf8')).not.toContain('_headers');
  });

  it('matches the manifest the build wrote, sizes included', () => {
    const written = JSON.parse(readFileSync(path.join(dist, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
    expect(written).toEqual(plan.manifest);
    expect(written.totalBytes).toBe(written.files.reduce((total, file) => total + file.size, 0));
    expect(written.autoSaved).toBe(true);
  });
});

describe('fileRevision (the build) and revisionOf (the service worker)', () => {
  it.each(['', '茂名晚报', 'x'.repeat(100_000)])('agree on %#', async (text) => {
    const content = new TextEncoder().encode(text);
    expect(fileRevision(content)).toBe(await revisionOf(content));
    expect(fileRevision(content)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('hostOnlyReason', () => {
  it.each(['_headers', '_redirects', '_routes.json', '_worker.js', '_worker.js/index.js', '.nojekyll', '.well-known/security.txt', 'images/.DS_Store', 'CNAME', 'docs/LICENSE'])(
    '%s is not served by every host',
    (file) => {
      expect(hostOnlyReason(file)).toEqual(expect.any(String));
    },
  );

  it.each(['_astro/index.abc123.css', 'index.html', '2022/02/24/x/index.html', 'pagefind/pagefind.und_1.pf_meta', 'reporters/梁奈/index.html', 'robots.txt', 'on-this-day/02-24.json', 'tags/_x/index.html'])(
    '%s is served',
    (file) => {
      expect(hostOnlyReason(file)).toBeUndefined();
    },
  );
});

describe('readerUrl', () => {
  it.each([
    ['index.html', './'],
    ['search/index.html', 'search/'],
    ['2022/02/24/x/index.html', '2022/02/24/x/'],
    ['404.html', '404.html'],
    ['pagefind/index/zh-cn_1.pf_index', 'pagefind/index/zh-cn_1.pf_index'],
  ])('%s → %s', (file, url) => {
    expect(readerUrl(file)).toBe(url);
  });
});
