/**
 * Turns an article's rendered Markdown into its final HTML: each photo the
 * Markdown pipeline wrapped in <picture> (src/plugins/rehype-photo-figure.ts)
 * gets AVIF and WebP <source>s and a JPEG fallback, in several widths, from
 * Astro's image pipeline. Astro's own Markdown image step only writes one
 * <img>, so this replaces it for article bodies.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { Article } from './articles.ts';
import { htmlAttributes, originalSize, pictureHtml } from './pictureHtml.ts';
import { assetImportKey, contentAssetImports, IMAGE_MARKER as MARKER } from './astroInternals.ts';
const PICTURE_IMG = new RegExp(`<picture><img ${MARKER.source}\\s*/?></picture>`, 'g');
const PLAIN_IMG = new RegExp(`<img ${MARKER.source}\\s*/?>`, 'g');

/**
 * Pixel height of an image set inside a sentence: it is shown one line high
 * (photos.css), so this covers high-density screens without shipping a photo.
 */
const INLINE_HEIGHT = 72;

interface MarkedImage {
  src: string;
  alt?: string;
}

function decodeMarker(raw: string): MarkedImage {
  return JSON.parse(
    raw
      .replace(/&(?:#x22|quot);/g, '"')
      .replace(/&(?:#x27|apos);/g, "'")
      .replace(/&(?:amp|#x26|#38);/g, '&'),
  ) as MarkedImage;
}

/**
 * Astro imports every image a Markdown entry refers to into an internal map
 * (src/lib/astroInternals.ts); there is no public API to look a body image up
 * by path. tests/unit/astroInternals.test.ts pins the map's name and keys.
 */
async function importedImage(src: string, articleFile: string): Promise<ImageMetadata> {
  const image = (await contentAssetImports()).get(assetImportKey(src, articleFile));
  if (!image) throw new Error(`文章 ${articleFile} 中的图片 ${src} 没有被导入（Astro 内部接口可能已变化）。`);
  return image;
}

async function replaceAsync(text: string, pattern: RegExp, replacer: (...groups: string[]) => Promise<string>) {
  const parts = await Promise.all([...text.matchAll(pattern)].map((match) => replacer(...match)));
  let index = 0;
  return text.replace(pattern, () => parts[index++]!);
}

/**
 * The article body as HTML with every photo published responsively.
 * `sizes` says how wide photos are shown in this article's layout.
 */
export async function renderArticleHtml(article: Article, sizes: string): Promise<string> {
  const html = article.entry.rendered?.html ?? '';
  const withPictures = await replaceAsync(html, PICTURE_IMG, async (_match, marker) => {
    const { src, alt = '' } = decodeMarker(marker!);
    return pictureHtml(await importedImage(src, article.file), { alt, sizes });
  });
  // Images inside a sentence stay plain <img>s, still resized and stripped by Astro.
  return replaceAsync(withPictures, PLAIN_IMG, async (_match, marker) => {
    const { src, alt = '' } = decodeMarker(marker!);
    const original = await importedImage(src, article.file);
    const image = await getImage({ src: original, height: Math.min(INLINE_HEIGHT, originalSize(original).height) });
    const { width, height } = image.attributes as { width: number; height: number };
    return `<img ${htmlAttributes({ class: 'inline-image', src: image.src, alt, width, height, loading: 'lazy', decoding: 'async' })}>`;
  });
}
