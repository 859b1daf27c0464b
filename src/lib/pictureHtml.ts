/**
 * Builds the <picture> markup for one photo from Astro's image pipeline:
 * AVIF and WebP <source>s and a JPEG <img>, each in PHOTO_WIDTHS (never wider
 * than the original), with width/height so the page never shifts.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import {
  PHOTO_FALLBACK_FORMAT,
  PHOTO_FALLBACK_WIDTH,
  PHOTO_SOURCE_FORMATS,
  PHOTO_WIDTHS,
} from './photoLimits.ts';

export interface PictureOptions {
  alt: string;
  /** The `sizes` attribute: how wide the photo is shown at each viewport width. */
  sizes: string;
  /** The cover is the page's main picture: eager and high priority. */
  priority?: boolean;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Serialises attributes, escaped, skipping undefined ones. */
export const htmlAttributes = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${escapeAttribute(String(value))}"`)
    .join(' ');

/**
 * The pixel size of an imported image without marking it "used as is".
 * Astro wraps imported images in a proxy: reading any property keeps the
 * original file in the build output (with its EXIF and GPS). Its hidden
 * `clone` property reads the data without that side effect.
 */
export function originalSize(image: ImageMetadata): { width: number; height: number } {
  const { width, height } = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  return { width, height };
}

/** The <picture> element (without <figure>) for `image`. */
export async function pictureHtml(image: ImageMetadata, options: PictureOptions): Promise<string> {
  const size = originalSize(image);
  const width = Math.min(size.width, PHOTO_FALLBACK_WIDTH);
  const widths = [...PHOTO_WIDTHS];
  const sources = await Promise.all(
    PHOTO_SOURCE_FORMATS.map(async (format) => {
      const result = await getImage({ src: image, format, width, widths });
      return `<source ${htmlAttributes({ type: `image/${format}`, srcset: result.srcSet.attribute, sizes: options.sizes })}>`;
    }),
  );
  const fallback = await getImage({ src: image, format: PHOTO_FALLBACK_FORMAT, width, widths });
  const { width: targetWidth, height: targetHeight } = fallback.attributes as { width: number; height: number };
  const img = `<img ${htmlAttributes({
    src: fallback.src,
    srcset: fallback.srcSet.attribute,
    sizes: options.sizes,
    alt: options.alt,
    width: targetWidth,
    height: targetHeight,
    loading: options.priority ? 'eager' : 'lazy',
    decoding: 'async',
    fetchpriority: options.priority ? 'high' : undefined,
  })}>`;
  // Portrait photos get a narrower box (photos.css) so they fit a screen's height.
  const portrait = size.height > size.width ? ' class="photo-portrait"' : '';
  return `<picture${portrait}>${sources.join('')}${img}</picture>`;
}
