/**
 * Turns articles into RSS items for src/pages/rss.xml.ts. Reporters become
 * <dc:creator> (RSS's own <author> must be an e-mail address, which we do
 * not have); tags become categories.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { escapeUTF8 } from 'entities';
import type { Article } from './articles.ts';
import { issueDateTime } from './issueDate.ts';
import { plainTextExcerpt } from './plainTextExcerpt.ts';
import { absoluteUrl } from './urls.ts';

/** Namespaces the items use. */
export const feedNamespaces = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' };

/** How many of the newest articles the feed carries; the sitemap lists them all. */
export const FEED_SIZE = 50;

/** One feed item. Feed readers treat <description> as HTML, so the plain text is escaped once more. */
export function feedItem(article: Article): RSSFeedItem {
  const { data } = article;
  const text = data.summary ?? plainTextExcerpt(article.entry.rendered?.html ?? '');
  return {
    title: data.title,
    link: absoluteUrl(article.permalink),
    pubDate: new Date(issueDateTime(data.date)),
    description: escapeUTF8(text),
    categories: data.tags,
    customData: data.reporters.map((name) => `<dc:creator>${escapeUTF8(name)}</dc:creator>`).join(''),
  };
}
