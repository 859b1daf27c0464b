/**
 * The printed pages as the site shows them: each page file with its image
 * size, its OCR text and the articles printed on it (with or without a
 * region). Pages, the manifest endpoint and the article page's "原版面" box
 * ask here; articles come from src/lib/articles.ts.
 */
import { siteConfig } from '../../config.ts';
import { getArticles, type Article } from '../articles.ts';
import type { Region } from './region.ts';
import { readOcrText, readPages, type PageSource } from './readPages-fs.ts';
import { pageImageSize, type ScanSize } from './scanImages-fs.ts';

export interface PageArticleEntry {
  article: Article;
  regions: Region[];
}

export interface PrintedPage {
  date: string;
  page: number;
  section?: string;
  source: string;
  /** The image is a reconstruction, never to be shown as a scan. */
  reconstruction: boolean;
  /** The full scan is published at scans/…/original.jpg. */
  publishScan: boolean;
  /** Size of the scan (or reconstruction); undefined when the page has no image. */
  size?: ScanSize;
  ocrText?: string;
  /** Articles of that day naming this page, in the order. */
  articles: PageArticleEntry[];
}

async function toPrintedPage(page: PageSource, articles: Article[]): Promise<PrintedPage> {
  return {
    date: page.date,
    page: page.page,
    section: page.data.section,
    source: page.data.source,
    reconstruction: page.data.reconstruction !== undefined,
    publishScan: page.data.publishScan && page.scanFile !== undefined,
    size: await pageImageSize(page),
    ocrText: readOcrText(page),
    articles: articles
      .filter((article) => article.data.date === page.date && article.data.page === page.page)
      .map((article) => ({ article, regions: article.data.regions })),
  };
}

async function loadPrintedPages(): Promise<PrintedPage[]> {
  const [{ pages }, articles] = [readPages(siteConfig.pagesDir), await getArticles()];
  const printed = await Promise.all(pages.map((page) => toPrintedPage(page, articles)));
  return printed.sort((a, b) => a.date.localeCompare(b.date) || a.page - b.page);
}

let cached: Promise<PrintedPage[]> | undefined;

/** Every printed page, oldest issue first, by page number. */
export function getPrintedPages(): Promise<PrintedPage[]> {
  if (import.meta.env.DEV) return loadPrintedPages();
  cached ??= loadPrintedPages();
  return cached;
}

/** The page an article is printed on, when the archive has that page's file. */
export async function pageOfArticle(article: Article): Promise<PrintedPage | undefined> {
  const { date, page } = article.data;
  if (page === undefined) return undefined;
  return (await getPrintedPages()).find((item) => item.date === date && item.page === page);
}
