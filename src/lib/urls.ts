/**
 * Every internal URL goes through here so the site works under any BASE_PATH.
 */
import { siteConfig } from '../config.ts';

/** Prefixes a site-absolute path ("/2022/") with the deployment base path. */
export function withBase(path: string, basePath: string = siteConfig.basePath): string {
  return basePath + path.replace(/^\/+/, '');
}

/**
 * The full URL of a site path, for canonical links, feeds, structured data,
 * IIIF manifests and citations. Percent-encoded, as a URI must be (IIIF
 * requires URIs, feed readers expect them, and the sitemap already encodes):
 * an article whose file name is Chinese gets %-escapes here, and its own
 * address bar shows it decoded. Where readers read it, use displayUrl.
 */
export function absoluteUrl(path: string): string {
  return new URL(siteConfig.siteUrl + withBase(path)).href;
}

/** A URL as a reader reads it: escaped letters (Chinese) shown as themselves, escaped delimiters kept. */
export function displayUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
