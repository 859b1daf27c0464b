/**
 * The one article schema. It lives here rather than inline in
 * src/content.config.ts so that command-line tools (check:content, import,
 * new) validate with exactly the rules the build uses, without Astro's
 * virtual modules. src/content.config.ts wires it into the collection.
 */
import { z } from 'astro/zod';
import type { ImageFunction } from 'astro/content/config';
import { parseIssueDate } from './issueDate.ts';
import { regionSchema } from './scans/region.ts';

/** Accepts "2022-02-24" or a YAML date and keeps the calendar day as a string. */
const issueDate = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
    if (!parseIssueDate(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `日期必须是真实存在的日期，格式为 YYYY-MM-DD（例如 2022-02-24）`,
      });
      return z.NEVER;
    }
    return text;
  });

const text = z.string().trim().min(1);

/** A list of names or tags; one listed twice is kept once (the content check warns: repeated-item). */
const uniqueList = z
  .array(text)
  .default([])
  .transform((items) => [...new Set(items)]);

export const articleFields = {
  /** 主题: the headline as printed. Required. */
  title: text,
  /** Issue date (出版日期), YYYY-MM-DD. Required; it decides the permalink. */
  date: issueDate,
  /** 引题: the line printed above the headline. */
  kicker: text.optional(),
  /** 副题: the line(s) printed below the headline. */
  subtitle: text.optional(),
  /** Dateline as printed, e.g. 茂名晚报讯. */
  dateline: text.optional(),
  /** Reporters' names, e.g. [梁奈]; each gets a reporter page. */
  reporters: uniqueList,
  /** 版面名, the page's section name, e.g. 要闻 or 城事. */
  section: text.optional(),
  /** 版次, the printed page number within the issue. */
  page: z.number().int().positive().optional(),
  /**
   * 版内顺序: the article's place on its printed page, 1 for the lead story.
   * The day page, the feed and previous/next follow it; articles without one
   * come after those with one (see compareArticles in src/lib/archiveQueries.ts).
   */
  order: z.number().int().positive().optional(),
  /**
   * Where the article is printed on its page's scan (content/pages/…/NN.yml),
   * in the scan's pixels: rectangles { x, y, width, height } or polygons
   * { points: [[x, y], …] }. Needs `page`. See docs/printed-pages.md.
   */
  regions: z.array(regionSchema).default([]),
  /** Topic tags chosen by the editor. */
  tags: uniqueList,
  /** One- or two-sentence summary for lists, feeds and social cards. */
  summary: text.optional(),
  /** 编者注: editor's notes shown under the body; the body itself is never corrected. */
  notes: z.array(text).default([]),
  /** True when the headline was supplied by the archive's editors, not printed. */
  titleSupplied: z.boolean().default(false),
  /** How the article was sourced, e.g. how an unprinted date was inferred. */
  sourceNote: text.optional(),
  /** Drafts show in `npm run dev` only: not built, fed or indexed. */
  draft: z.boolean().default(false),
};

/** Page layouts an article can ask for in its frontmatter (`layout: photo`). */
export const articleLayouts = ['article', 'photo'] as const;

/**
 * The cover photo: `src` is a path relative to the article (./images/x.jpg).
 * `coverSource` decides how that path is checked: Astro's `image()` in the
 * build (so the file is imported and processed), a plain string elsewhere.
 */
function coverField<Src extends z.ZodType>(coverSource: Src) {
  return z.object({
    /** The photo file, relative to the article, e.g. ./images/yunhai.jpg */
    src: coverSource,
    /** What the photo shows, for readers who cannot see it. Required. */
    alt: text,
    /** 图片说明: the caption printed with the photo. */
    caption: text.optional(),
    /** The photographer's name; shown as 摄影：name. */
    credit: text.optional(),
  });
}

/**
 * Builds the article schema. The build passes Astro's `image()` so the cover
 * is validated and imported; command-line tools use `articleSchema` below.
 */
export function createArticleSchema<Src extends z.ZodType>(coverSource: Src) {
  return z.object({
    ...articleFields,
    /** 题图: the photo that heads the article, lists and social cards. */
    cover: coverField(coverSource).optional(),
    /** `photo` for photo features: large photos, gallery, captions beside them. */
    layout: z.enum(articleLayouts).default('article'),
  });
}

/** The schema without Astro: `cover.src` stays the path string written by the editor. */
export const articleSchema = createArticleSchema(text);

/** Frontmatter as written, validated without Astro: `cover.src` is the path string. */
export type ArticleSourceData = z.output<typeof articleSchema>;

/** Frontmatter as the built site sees it: `cover.src` is the image Astro imported. */
export type SiteArticleData = z.output<ReturnType<typeof createArticleSchema<ReturnType<ImageFunction>>>>;

/** Validated frontmatter of one article, read by tools or by the site. */
export type ArticleData = ArticleSourceData | SiteArticleData;

/** The names of every known frontmatter field (for "did you mean" hints). */
export const knownFields = Object.keys(articleSchema.shape);
