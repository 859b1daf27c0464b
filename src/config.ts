/**
 * Site settings, parsed once from the environment with friendly errors.
 * Everything that says where the archive is deployed or where its articles
 * live comes from here, so pages, plugins and scripts agree.
 */
import { z } from 'astro/zod';

const siteEnv = z.object({
  /** Where the built site will be served, e.g. https://archive.example.org */
  SITE_URL: z.url({ message: 'SITE_URL 必须是完整网址，例如 https://archive.example.org' }).default('http://localhost:4321'),
  /** Sub-path the site is deployed under, e.g. /archive/ */
  BASE_PATH: z
    .string()
    .regex(/^\/([\w.-]+\/)*$|^\/?[\w.-]+(\/[\w.-]+)*\/?$/, 'BASE_PATH 只能含字母、数字、点、横线和斜杠，例如 /archive/')
    .default('/'),
  /** Folder of the Markdown articles, relative to the project root or absolute. */
  ARCHIVE_CONTENT_DIR: z.string().min(1).default('content/articles'),
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
  /** ARCHIVE_SEARCH_MAX_FRAGMENTS; undefined: one fragment file per article. */
  searchMaxFragments?: number;
}

/** Normalises "/archive", "archive/" and "archive" to "/archive/". */
export function normaliseBasePath(raw: string): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
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
    searchMaxFragments: result.data.ARCHIVE_SEARCH_MAX_FRAGMENTS,
  };
}

export const siteConfig: SiteConfig = parseSiteConfig(process.env);
