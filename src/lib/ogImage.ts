/**
 * The picture social networks show for a page (og:image, twitter:image, and
 * an article's JSON-LD image): an article's cover, cropped to 1200×630 by
 * Astro's image pipeline, or the site's default card (public/og-default.png)
 * for every other page and for articles without a cover. Build-time only.
 */
import { getImage } from 'astro:assets';
import { siteConfig } from '../config.ts';
import type { Article } from './articles.ts';
import { OG_IMAGE_SIZE } from './photoLimits.ts';
import { strings } from './strings.ts';
import { absoluteUrl } from './urls.ts';

/** The site's card for articles without a cover (public/og-default.png, 1200×630). */
export const DEFAULT_OG_IMAGE = '/og-default.png';

export interface OgImage {
  /** Absolute URL, as og:image requires. */
  url: string;
  width: number;
  height: number;
  /** MIME type, for og:image:type. */
  type: 'image/jpeg' | 'image/png';
  alt: string;
}

/** The site's card, for pages without a picture of their own. */
export function defaultOgImage(): OgImage {
  return { url: absoluteUrl(DEFAULT_OG_IMAGE), ...OG_IMAGE_SIZE, type: 'image/png', alt: strings.socialCardAlt };
}

/** The og:image of `article`: a 1200×630 JPEG crop of its cover, or the default card. */
export async function ogImageFor(article: Article): Promise<OgImage> {
  const cover = article.entry.data.cover;
  if (!cover) return defaultOgImage();
  const image = await getImage({ src: cover.src, ...OG_IMAGE_SIZE, fit: 'cover', format: 'jpg' });
  const { width, height } = image.attributes as { width: number; height: number };
  // image.src already carries the base path (/archive/_astro/…).
  return { url: siteConfig.siteUrl + image.src, width, height, type: 'image/jpeg', alt: cover.alt };
}
