/**
 * The build stage of the printed pages: from each page's scan (or its
 * reconstruction) it writes IIIF Image API level-0 tiles with their
 * info.json, a preview for the page view without JavaScript, each article's
 * crop for its "原版面" box, and the full scan only when the editor asks
 * (`publishScan`). Tiles are cached by the image's content hash, so an
 * unchanged scan is cut once. Every file is re-encoded by sharp, which drops
 * EXIF, XMP and IPTC. Node-only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ArticleSource } from '../articleSources-fs.ts';
import { siteInfo } from '../../config.ts';
import { strings } from '../strings.ts';
import { formatChineseDate } from '../issueDate.ts';
import { imageServicePath, scanImagesPath } from './pagePath.ts';
import type { PageSource } from './readPages-fs.ts';
import { reconstructionSvg } from './reconstructionSvg.ts';
import { renderSearchText } from '../search/renderSearchText.ts';
import { regionsBox } from './region.ts';
import { CROP_MAX_WIDTH, PREVIEW_WIDTH, TILE_SETTINGS, cropBox } from './scanSizes.ts';


export interface ScanSize {
  width: number;
  height: number;
}

/** An article of the page, as the build stage needs it. */
export interface PageArticle {
  slug: string;
  source: ArticleSource;
}

/** Articles printed on a page, with regions, in file order. */
export function articlesOnPage(page: PageSource, articles: readonly ArticleSource[]): PageArticle[] {
  return articles
    .filter((article) => article.data.date === page.date && article.data.page === page.page && article.data.regions.length > 0)
    .map((source) => ({ slug: path.basename(source.file).replace(/\.(md|markdown)$/i, ''), source }));
}

/**
 * The page's image: `identity` is what the tile cache is keyed by (the scan's
 * bytes, or the reconstruction's SVG text), `load` gives the image to decode
 * (the same bytes, or the SVG rendered to PNG, about a second a page, so only
 * when something is not cached yet).
 */
export interface PageImage {
  identity: Buffer;
  load: () => Promise<Buffer>;
}

export async function pageImage(page: PageSource, articles: readonly PageArticle[]): Promise<PageImage | undefined> {
  if (page.scanFile) {
    const bytes = readFileSync(page.scanFile);
    return { identity: bytes, load: async () => bytes };
  }
  if (!page.data.reconstruction) return undefined;
  // The text each article's page shows, not its Markdown: no ** or [^1], the OCR spaces the page drops dropped.
  const texts = await Promise.all(articles.map(({ source }) => renderSearchText(source.body)));
  const svg = Buffer.from(
    reconstructionSvg({
      ...page.data.reconstruction,
      masthead: siteInfo.name,
      dateline: `${formatChineseDate(page.date)}  ${strings.scans.pageHeading(page.page, page.data.section)}`,
      label: strings.scans.reconstructionLabel,
      articles: articles.map(({ source }, index) => ({
        title: source.data.title,
        subtitle: source.data.subtitle,
        paragraphs: texts[index]!.split('\n'),
        box: regionsBox(source.data.regions),
      })),
    }),
  );
  return { identity: svg, load: () => sharp(svg).png().toBuffer() };
}

/** The displayed size of the page's image (EXIF orientation applied), without decoding it. */
export async function pageImageSize(page: PageSource): Promise<ScanSize | undefined> {
  if (page.data.reconstruction) return page.data.reconstruction;
  if (!page.scanFile || !existsSync(page.scanFile)) return undefined;
  const meta = await sharp(page.scanFile).metadata();
  const oriented = meta.autoOrient ?? meta;
  return oriented.width && oriented.height ? { width: oriented.width, height: oriented.height } : undefined;
}

/** The cache key of an image: its bytes, the tile settings and sharp's version. */
export function tileCacheKey(image: Buffer): string {
  return createHash('sha256')
    .update(JSON.stringify({ TILE_SETTINGS, PREVIEW_WIDTH, sharp: sharp.versions.sharp, vips: sharp.versions.vips }))
    .update(image)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Cuts the image into tiles (and its preview) in `cacheRoot/<key>/`, unless
 * that folder is already complete. Written to a temporary folder first, so a
 * killed build never leaves half a tile set that looks cached.
 */
export async function cutTiles(source: PageImage, cacheRoot: string): Promise<{ dir: string; cached: boolean }> {
  const dir = path.join(cacheRoot, tileCacheKey(source.identity));
  if (existsSync(path.join(dir, 'preview.jpg'))) return { dir, cached: true };
  const image = await source.load();
  const staging = `${dir}.tmp-${process.pid}-${randomUUID()}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // autoOrient: a phone photo of a page is shown the way up it was taken; the tiles carry no EXIF.
  await sharp(image, { limitInputPixels: false })
    .autoOrient()
    .jpeg({ quality: TILE_SETTINGS.quality })
    .tile({ layout: TILE_SETTINGS.layout, size: TILE_SETTINGS.size, id: 'https://iiif.invalid' })
    .toFile(path.join(staging, 'tiles'));
  await sharp(image, { limitInputPixels: false })
    .autoOrient()
    .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toFile(path.join(staging, 'preview.jpg'));
  // Another build sharing this cache folder may have cut the same image
  // meanwhile, and may be linking from it: keep the first complete set.
  if (!existsSync(path.join(dir, 'preview.jpg'))) {
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(path.join(dir, 'preview.jpg'))) throw error;
    }
  }
  rmSync(staging, { recursive: true, force: true });
  return { dir, cached: false };
}

/**
 * Puts the cached files into the site as hard links (a page's tiles are a few
 * hundred files and megabytes; linking them costs no copying), copying
 * where the cache is on another disk. Cached files are never changed in place.
 */
function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

export interface PublishOptions {
  outDir: string;
  cacheRoot: string;
  /** Full URL of the site's base, e.g. https://archive.example.org/ : IIIF ids are absolute. */
  siteBaseUrl: string;
}

export interface PublishedScan {
  page: PageSource;
  size: ScanSize;
  cached: boolean;
}

/** Writes one page's tiles, info.json, preview, crops and (when asked) the full scan into the site. */
export async function publishPageScan(page: PageSource, articles: readonly ArticleSource[], options: PublishOptions): Promise<PublishedScan | undefined> {
  const onPage = articlesOnPage(page, articles);
  const image = await pageImage(page, onPage);
  if (!image) return undefined;
  const { dir, cached } = await cutTiles(image, options.cacheRoot);
  const servicePath = imageServicePath(page.date, page.page);
  const serviceDir = path.join(options.outDir, servicePath);
  rmSync(serviceDir, { recursive: true, force: true });
  linkTree(path.join(dir, 'tiles'), serviceDir);
  // The id must be where the service really is; the cached copy is shared by
  // every site URL. Written as a new file: the linked one is the cache's.
  const infoFile = path.join(serviceDir, 'info.json');
  const info = JSON.parse(readFileSync(path.join(dir, 'tiles', 'info.json'), 'utf8')) as { id: string; width: number; height: number };
  rmSync(infoFile);
  info.id = new URL(servicePath.slice(1), options.siteBaseUrl).href;
  writeFileSync(infoFile, JSON.stringify(info, null, 2));

  const imagesDir = path.join(options.outDir, scanImagesPath(page.date, page.page));
  mkdirSync(imagesDir, { recursive: true });
  cpSync(path.join(dir, 'preview.jpg'), path.join(imagesDir, 'preview.jpg'));
  // Crops (and the full scan when asked) are kept in the tile cache too, by
  // their box: an unchanged page is then copied without decoding the scan.
  let decoded: Sharp | undefined;
  const oriented = async () => (decoded ??= sharp(await image.load(), { limitInputPixels: false }).autoOrient()).clone();
  const cachedImage = async (name: string, make: (cacheFile: string) => Promise<unknown>, target: string) => {
    const cacheFile = path.join(dir, name);
    if (!existsSync(cacheFile)) await make(cacheFile);
    cpSync(cacheFile, target);
  };
  for (const article of onPage) {
    const box = cropBox(regionsBox(article.source.data.regions), info);
    await cachedImage(
      `crop-${box.x}-${box.y}-${box.width}-${box.height}.jpg`,
      async (cacheFile) =>
        (await oriented())
          .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
          .resize({ width: CROP_MAX_WIDTH, withoutEnlargement: true })
          .jpeg({ quality: 80 })
          .toFile(cacheFile),
      path.join(imagesDir, `${article.slug}.jpg`),
    );
  }
  if (page.data.publishScan && page.scanFile) {
    await cachedImage('original.jpg', async (cacheFile) => (await oriented()).jpeg({ quality: 92 }).toFile(cacheFile), path.join(imagesDir, 'original.jpg'));
  }
  return { page, size: { width: info.width, height: info.height }, cached };
}
