/**
 * The page stage on a real scan with camera metadata: tiles, preview, crops
 * and (only when asked) the full scan, none with EXIF; the tile cache is
 * keyed by the scan's bytes, so an unchanged scan is not cut again and a
 * changed one is.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import type { ArticleSource } from '../../src/lib/articleSources-fs.ts';
import { readPages, type PageSource } from '../../src/lib/scans/readPages-fs.ts';
import { cutTiles, publishPageScan, tileCacheKey } from '../../src/lib/scans/scanImages-fs.ts';

const ROOT = path.resolve('tests/.tmp/scan-images');
const day = path.join(ROOT, 'pages/2023/06-01');
let scan: Buffer;
let page: PageSource;
const article: ArticleSource = {
  file: '2023/06-01/a.md',
  permalink: '/2023/06/01/a/',
  data: articleSchema.parse({ title: 'a', date: '2023-06-01', page: 1, regions: [{ x: 100, y: 100, width: 600, height: 400 }] }),
  body: '正文。',
  raw: '',
};

async function withExif(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 1600, channels: 3, background: { r: 200 + seed, g: 190, b: 170 } } })
    .withExifMerge({ IFD0: { Make: 'ScanCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 39/1 29/1' } })
    .jpeg()
    .toBuffer();
}

function publish(site: string, publishScan: boolean) {
  writeFileSync(path.join(day, '01.yml'), `page: 1\nsource: 测试\nscan: 01.jpg\npublishScan: ${publishScan}\n`);
  page = readPages(path.join(ROOT, 'pages'), ROOT).pages[0]!;
  return publishPageScan(page, [article], { outDir: path.join(ROOT, site), cacheRoot: path.join(ROOT, 'cache'), siteBaseUrl: 'https://archive.example.org/base/' });
}

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(day, { recursive: true });
  scan = await withExif(0);
  writeFileSync(path.join(day, '01.jpg'), scan);
  expect((await sharp(scan).metadata()).exif).toBeDefined();
});

describe('the page stage', () => {
  it('publishes tiles, preview and crop without metadata, and no full scan unless asked', async () => {
    const result = await publish('site-a', false);
    expect(result).toMatchObject({ cached: false, size: { width: 1200, height: 1600 } });
    const images = path.join(ROOT, 'site-a/scans/2023-06-01/01');
    expect(readdirSync(images).sort()).toEqual(['a.jpg', 'preview.jpg']);
    const tiles = readdirSync(path.join(ROOT, 'site-a/iiif/2023-06-01/01'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.jpg'));
    for (const file of [...tiles.map((name) => path.join(ROOT, 'site-a/iiif/2023-06-01/01', name)), path.join(images, 'a.jpg'), path.join(images, 'preview.jpg')]) {
      expect((await sharp(file).metadata()).exif, file).toBeUndefined();
    }
    expect((await sharp(path.join(images, 'a.jpg')).metadata()).width).toBe(600);
  });

  it('publishes the full scan when the editor asks, without its EXIF', async () => {
    await publish('site-b', true);
    const original = path.join(ROOT, 'site-b/scans/2023-06-01/01/original.jpg');
    expect(existsSync(original)).toBe(true);
    const meta = await sharp(original).metadata();
    expect([meta.width, meta.exif]).toEqual([1200, undefined]);
  });

  it('reuses the tiles of an unchanged scan, and cuts a changed one again', async () => {
    expect((await publish('site-c', false))!.cached).toBe(true);
    const changed = await withExif(30);
    expect(tileCacheKey(changed)).not.toBe(tileCacheKey(scan));
    writeFileSync(path.join(day, '01.jpg'), changed);
    expect((await publish('site-d', false))!.cached).toBe(false);
  });

  it('writes the public URL of the image service into info.json', async () => {
    const info = await import(path.join(ROOT, 'site-d/iiif/2023-06-01/01/info.json'), { with: { type: 'json' } });
    expect(info.default.id).toBe('https://archive.example.org/base/iiif/2023-06-01/01');
  });

  it('two builds sharing the cache folder cut the same new image at once, and both get one complete tile set', async () => {
    const image = await withExif(40);
    const source = { identity: image, load: async () => image };
    const cacheRoot = path.join(ROOT, 'shared-cache');
    rmSync(cacheRoot, { recursive: true, force: true });
    const [first, second] = await Promise.all([cutTiles(source, cacheRoot), cutTiles(source, cacheRoot)]);
    expect(second.dir).toBe(first.dir);
    expect(existsSync(path.join(first.dir, 'preview.jpg'))).toBe(true);
    expect(readdirSync(cacheRoot)).toEqual([path.basename(first.dir)]);
  });
});
