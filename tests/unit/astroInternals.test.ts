/**
 * Each Astro internal in src/lib/astroInternals.ts against the installed
 * Astro's own source: a version that renames or reshapes one fails here.
 * Astro does not export these files, so they are imported by path.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ASSET_IMPORTS_MODULE,
  assetImportKey,
  CONTENT_DATA_MODULE_META,
  DATA_STORE_MODULE_ID,
  DATA_STORE_NAMES,
  IMAGE_IMPORT_PREFIX,
  IMAGE_MARKER,
  INCREMENTAL_MANIFEST_FILE,
  INCREMENTAL_PAGES_DIR,
  incrementalPageFiles,
} from '../../src/lib/astroInternals.ts';

const astroFile = (file: string) => path.resolve('node_modules/astro/dist', file);
const astroModule = (file: string) => import(pathToFileURL(astroFile(file)).href);

describe('Astro internals the project relies on', () => {
  it('the image() prefix in content data and the asset-imports module name', async () => {
    const consts = await astroModule('content/consts.js');
    expect(IMAGE_IMPORT_PREFIX).toBe(consts.IMAGE_IMPORT_PREFIX);
    expect(ASSET_IMPORTS_MODULE).toBe(consts.ASSET_IMPORTS_VIRTUAL_ID);
    // contentAssetImports() must import it by a literal name (Vite resolves no other).
    expect(readFileSync('src/lib/astroInternals.ts', 'utf8')).toContain(`import('${ASSET_IMPORTS_MODULE}' as string)`);
  });

  it('the key of a body image in the asset-imports map', async () => {
    const { imageSrcToImportId } = await astroModule('assets/utils/resolveImports.js');
    for (const src of ['./images/云海.jpg', '../a b.png', 'photo.webp']) {
      expect(assetImportKey(src, 'content/articles/2022/02-24/x.md')).toBe(imageSrcToImportId(src, 'content/articles/2022/02-24/x.md'));
    }
  });

  it('the marker the Markdown image step leaves on local images', async () => {
    const { rehypeImages } = await import(pathToFileURL(path.resolve('node_modules/@astrojs/markdown-remark/dist/rehype-images.js')).href);
    const tree = {
      type: 'root',
      children: [{ type: 'element', tagName: 'img', properties: { src: './a.jpg', alt: '甲' }, children: [] }],
    };
    const file = { data: { astro: { localImagePaths: ['./a.jpg'], remoteImagePaths: [] } } };
    rehypeImages()(tree, file);
    const { toHtml } = await import('hast-util-to-html');
    const html = toHtml(tree as never);
    const marker = IMAGE_MARKER.exec(html);
    expect(marker, html).not.toBeNull();
    expect(JSON.parse(marker![1]!.replaceAll('&#x22;', '"').replaceAll('&quot;', '"'))).toMatchObject({ src: './a.jpg', alt: '甲' });
  });

  it('the content data store names', async () => {
    const consts = await astroModule('content/consts.js');
    expect(DATA_STORE_NAMES).toEqual([consts.DATA_STORE_FILE, consts.DATA_STORE_DIR.replace(/\/$/, '')]);
  });

  it('the glob loader looks entry types up in context.entryTypes and calls getEntryInfo', () => {
    const glob = readFileSync(astroFile('content/loaders/glob.js'), 'utf8');
    expect(glob).toContain('entryTypes.get(`.${ext}`)');
    expect(glob).toContain('getEntryInfo(');
  });

  it('the incremental build: its manifest, its copies of the pages, and a page already in outDir kept', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'astro-incremental-'));
    try {
      const { IncrementalBuildCache } = await astroModule('core/build/incremental.js');
      const settings = { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } };
      const cache = new IncrementalBuildCache('config', 'lockfile', 'key');
      // generate.js records the output file as the tail of its file URL: percent-encoded.
      const encoded = encodeURI('2022/02/24/茂名/index.html');
      cache.record('src/pages/[year]/[month]/[day]/[slug].astro', 'deps', '/2022/02/24/茂名/', 'k1', encoded);
      cache.record('src/pages/index.astro', 'deps', '/', 'k2', 'index.html');
      await cache.writeOutputFile(settings, encoded, '<p>茂名</p>');
      cache.writeManifest(settings);
      expect(existsSync(path.join(cacheDir, INCREMENTAL_MANIFEST_FILE))).toBe(true);
      expect(existsSync(path.join(cacheDir, INCREMENTAL_PAGES_DIR, '2022/02/24/茂名/index.html'))).toBe(true);
      const manifest = JSON.parse(readFileSync(path.join(cacheDir, INCREMENTAL_MANIFEST_FILE), 'utf8'));
      expect(incrementalPageFiles(manifest).sort()).toEqual(['2022/02/24/茂名/index.html', 'index.html']);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
    // A skippable page whose file is in outDir is not copied again, and outDir is emptied unless the config says not to (src/build/stagingFolder.ts).
    expect(readFileSync(astroFile('core/build/generate.js'), 'utf8')).toContain('const restored = !existsInDist && await cache.restoreOutputFile(');
    expect(readFileSync(astroFile('core/build/static-build.js'), 'utf8')).toContain('settings.config?.vite?.build?.emptyOutDir !== false');
  });

  it("the data store module: its id, its meta, and the value of Astro's code for it", async () => {
    const consts = await astroModule('content/consts.js');
    expect(DATA_STORE_MODULE_ID).toBe(consts.RESOLVED_DATA_STORE_VIRTUAL_ID);
    const { createContentDataIncrementalMetadata } = await astroModule('core/build/incremental-metadata.js');
    expect(CONTENT_DATA_MODULE_META).toEqual(createContentDataIncrementalMetadata());
    // src/integrations/dataStoreFromFile.ts gives the same value as this code, from the same file.
    const plugin = readFileSync(astroFile('content/vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(plugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
    expect(plugin).toContain('code: "export default new Map()"');
    // Astro reads the module's value back with devalue when it is an array (content/data-store.js fromModule).
    expect(readFileSync(astroFile('content/data-store.js'), 'utf8')).toContain('const map2 = devalue.unflatten(data.default);');
  });
});
