/**
 * Site settings, parsed once from the environment with friendly errors.
 * Everything that says where the archive is deployed or where its articles
 * live comes from here, so pages, plugins and scripts agree.
 */
import { z } from 'astro/zod';

/** Where `npm run dev` and `npm run preview` serve the site; only right on this machine. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

const AUTOSAVE_HINT = '必须是不小于 0 的整数（单位 KiB），例如 2048；0 表示从不在首次访问时整体保存';

const siteEnv = z.object({
  /** Where the built site will be served, e.g. https://archive.example.org */
  SITE_URL: z.url({ message: 'SITE_URL 必须是完整网址，例如 https://archive.example.org' }).default(DEFAULT_SITE_URL),
  /** Sub-path the site is deployed under, e.g. /archive/ */
  BASE_PATH: z
    .string()
    .regex(/^\/([\w.-]+\/)*$|^\/?[\w.-]+(\/[\w.-]+)*\/?$/, 'BASE_PATH 只能含字母、数字、点、横线和斜杠，例如 /archive/')
    .default('/'),
  /** Folder of the Markdown articles, relative to the project root or absolute. */
  ARCHIVE_CONTENT_DIR: z.string().min(1).default('content/articles'),
  /**
   * Archives (pages plus search index) up to this many KiB are saved whole on
   * a reader's first visit; larger ones from the /offline/ page. 0: never.
   */
  OFFLINE_AUTOSAVE_MAX_KB: z.coerce
    .number({ message: AUTOSAVE_HINT })
    .int({ message: AUTOSAVE_HINT })
    .min(0, { message: AUTOSAVE_HINT })
    .default(2048),
  /** Folder of the printed pages (scans, OCR text); default: `pages` beside the articles folder. */
  ARCHIVE_PAGES_DIR: z.string().min(1).optional(),
  /** At most this many search fragment files, for hosts that limit a site's file count (Pagefind's maxFragments). */
  ARCHIVE_SEARCH_MAX_FRAGMENTS: z.coerce
    .number({ message: 'ARCHIVE_SEARCH_MAX_FRAGMENTS 必须是正整数，例如 2000' })
    .int({ message: 'ARCHIVE_SEARCH_MAX_FRAGMENTS 必须是正整数，例如 2000' })
    .positive({ message: 'ARCHIVE_SEARCH_MAX_FRAGMENTS 必须是正整数，例如 2000' })
    .optional(),
});

/** Names and descriptions shown to readers; one place, not scattered literals. */
export const siteInfo = {
  name: '茂名晚报',
  archiveName: '茂名晚报数字档案',
  description: '《茂名晚报》文章档案：按出版日期与版面浏览，支持中文全文检索与离线阅读。',
  publisher: '茂名晚报',
  lang: 'zh-CN',
} as const;

export interface SiteConfig {
  siteUrl: string;
  /** Always starts and ends with a slash: "/" or "/archive/". */
  basePath: string;
  contentDir: string;
  /** OFFLINE_AUTOSAVE_MAX_KB in bytes. */
  offlineAutoSaveMaxBytes: number;
  /** Where the page files are (docs/printed-pages.md): content/articles → content/pages. */
  pagesDir: string;
  /** ARCHIVE_SEARCH_MAX_FRAGMENTS; undefined: one fragment file per article. */
  searchMaxFragments?: number;
}

/** Normalises "/archive", "archive/" and "archive" to "/archive/". */
export function normaliseBasePath(raw: string): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The pages folder of an archive whose articles are in `contentDir`: the
 * sibling folder `pages`, so an archive kept elsewhere keeps its scans
 * beside its articles the same way (other/articles → other/pages).
 */
export function defaultPagesDir(contentDir: string): string {
  // String work, not node:path: this module must stay free of Node built-ins.
  const parent = contentDir.replace(/[\\/]+$/, '').replace(/[\\/]?[^\\/]*$/, '');
  return parent === '' ? 'pages' : `${parent}/pages`;
}

/** Parses settings from an environment; throws one readable message on bad input. */
export function parseSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = siteEnv.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${String(issue.path[0])}: ${issue.message}（当前值：${JSON.stringify(cleaned[String(issue.path[0])])}）`,
    );
    throw new Error(`站点设置有误 / Invalid site settings:\n${lines.join('\n')}`);
  }
  return {
    siteUrl: result.data.SITE_URL.replace(/\/+$/, ''),
    basePath: normaliseBasePath(result.data.BASE_PATH),
    contentDir: result.data.ARCHIVE_CONTENT_DIR,
    offlineAutoSaveMaxBytes: result.data.OFFLINE_AUTOSAVE_MAX_KB * 1024,
    pagesDir: result.data.ARCHIVE_PAGES_DIR ?? defaultPagesDir(result.data.ARCHIVE_CONTENT_DIR),
    searchMaxFragments: result.data.ARCHIVE_SEARCH_MAX_FRAGMENTS,
  };
}

/**
 * What `npm run build` prints when SITE_URL is not set (docs/validation.md),
 * or undefined when it is. Not an error: a build tried out on this machine
 * is right with the default; only a deployed one is wrong, and silently so.
 */
export function missingSiteUrlWarning(env: Record<string, string | undefined>): string | undefined {
  if (env.SITE_URL?.trim()) return undefined;
  return [
    `警告：未设置 SITE_URL，站点网址暂用 ${DEFAULT_SITE_URL}。`,
    '  规范链接（canonical）、站点地图（sitemap）、RSS 订阅、分享卡片（Open Graph、JSON-LD）和文章的引用信息都会指向这台电脑，部署后无效。',
    '  部署前请设置站点的正式网址后重新构建，例如：SITE_URL=https://archive.example.org npm run build',
    `Warning: SITE_URL is not set, so canonical links, the sitemap, the RSS feed, social cards (Open Graph, JSON-LD) and the citation box point to ${DEFAULT_SITE_URL}.`,
    '  Set it to the address the site will be served from and build again, e.g. SITE_URL=https://archive.example.org npm run build',
  ].join('\n');
}

export const siteConfig: SiteConfig = parseSiteConfig(process.env);

/**
 * Settings of the build and the developer tools, not of the site: where the
 * build writes and caches, and what the benchmarks and browser tests read.
 * Node-only callers; a browser bundle never imports these.
 */
export interface ToolSettings {
  /** ARCHIVE_CACHE_DIR: Astro's cache and the build's own caches, kept between builds. */
  cacheDir: string;
  /** ARCHIVE_DIST_DIR: where `npm run build` puts the finished site. */
  distDir: string;
  /** ARCHIVE_OUT_DIR: where Astro writes; the build points it at its staging folder. */
  astroOutDir: string;
  /** ARCHIVE_SEARCH_INDEX_EXTERNAL=1: the build makes the search index beside Astro, so Astro's own hook skips it. */
  searchIndexExternal: boolean;
  /** ARCHIVE_BUILD_VERBOSE=1: print Astro's own output instead of the progress line. */
  buildVerbose: boolean;
  /** ARCHIVE_CORPUS_DIR: the 新闻联播 corpus the benchmarks read (bench/lib/corpusArchive.ts). */
  corpusDir: string | undefined;
  /** CHROMIUM_PATH: the Chromium that browser tests, benchmarks and the audit drive. */
  chromiumPath: string;
}

/** Reads the tool settings from an environment; empty values count as unset. */
export function parseToolSettings(env: Record<string, string | undefined>): ToolSettings {
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  return {
    cacheDir: get('ARCHIVE_CACHE_DIR') ?? 'node_modules/.astro',
    distDir: get('ARCHIVE_DIST_DIR') ?? 'dist',
    astroOutDir: get('ARCHIVE_OUT_DIR') ?? 'dist',
    searchIndexExternal: get('ARCHIVE_SEARCH_INDEX_EXTERNAL') === '1',
    buildVerbose: get('ARCHIVE_BUILD_VERBOSE') === '1',
    corpusDir: get('ARCHIVE_CORPUS_DIR'),
    chromiumPath: get('CHROMIUM_PATH') ?? get('CHROME_PATH') ?? '/usr/bin/chromium',
  };
}

export const toolSettings: ToolSettings = parseToolSettings(process.env);
