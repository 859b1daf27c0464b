/**
 * Each Astro internal in src/lib/astroInternals.ts against the installed
 * Astro's own source: a version that renames or reshapes one fails here.
 * Astro does not export these files, so they are imported by path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSET_IMPORTS_MODULE, assetImportKey, DATA_STORE_NAMES, IMAGE_IMPORT_PREFIX, IMAGE_MARKER } from '../../src/lib/astroInternals.ts';

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
});
