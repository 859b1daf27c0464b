/** /rss.xml: the newest articles as RSS 2.0 (drafts are never in getArticles()). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteInfo } from '../config.ts';
import { getArticles } from '../lib/articles.ts';
import { FEED_SIZE, feedItem, feedNamespaces } from '../lib/feedItems.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async () => {
  const articles = (await getArticles()).slice(0, FEED_SIZE);
  return rss({
    title: siteInfo.archiveName,
    description: siteInfo.description,
    site: absoluteUrl('/'),
    xmlns: feedNamespaces,
    customData: `<language>${siteInfo.lang.toLowerCase()}</language><atom:link href="${absoluteUrl('/rss.xml')}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(feedItem),
  });
};
