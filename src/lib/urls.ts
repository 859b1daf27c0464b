/**
 * Every internal URL goes through here so the site works under any BASE_PATH.
 */
import { siteConfig } from '../config.ts';

/** Prefixes a site-absolute path ("/2022/") with the deployment base path. */
export function withBase(path: string, basePath: string = siteConfig.basePath): string {
  return basePath + path.replace(/^\/+/, '');
}

/** The full URL of a site path, for canonical links, feeds and citations. */
export function absoluteUrl(path: string): string {
  return siteConfig.siteUrl + withBase(path);
}
