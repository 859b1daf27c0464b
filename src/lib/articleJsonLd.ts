/**
 * The schema.org NewsArticle of an article page, following Google's Article
 * rules (docs/validation.md): a headline of at most 110 characters,
 * absolute image URLs (the cover's 1200×630 crop or the site card), dates
 * with Beijing's offset, each author with a name and a page, and a publisher
 * with a logo.
 */
import { siteInfo } from '../config.ts';
import type { Article } from './articles.ts';
import { issueDateTime, issuePath } from './issueDate.ts';
import type { OgImage } from './ogImage.ts';
import { encodedSegment } from './pathSegment.ts';
import { absoluteUrl } from './urls.ts';

/** Google truncates longer headlines; the full title stays in `name`. */
export const HEADLINE_MAX_CHARACTERS = 110;

/** public/publisher-logo.png, drawn by scripts/make-publisher-logo.ts. */
export const PUBLISHER_LOGO = { path: '/publisher-logo.png', width: 512, height: 512 } as const;

/** `title` cut to HEADLINE_MAX_CHARACTERS characters (code points, so no surrogate is split), "…" last. */
export function jsonLdHeadline(title: string): string {
  const characters = [...title];
  if (characters.length <= HEADLINE_MAX_CHARACTERS) return title;
  return `${characters.slice(0, HEADLINE_MAX_CHARACTERS - 1).join('')}…`;
}

/** The NewsArticle object; `image` is the page's og:image, so search and social cards agree. */
export function articleJsonLd(article: Article, image: OgImage): Record<string, unknown> {
  const { data, permalink } = article;
  const headline = jsonLdHeadline(data.title);
  const published = issueDateTime(data.date);
  const publisher = {
    '@type': 'Organization',
    name: siteInfo.publisher,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    ...(headline !== data.title ? { name: data.title } : {}),
    ...(data.subtitle ? { alternativeHeadline: data.subtitle } : {}),
    ...(data.summary ? { description: data.summary } : {}),
    image: [{ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height, caption: image.alt }],
    datePublished: published,
    // The archive keeps articles as printed: the digital copy is not edited after the issue.
    dateModified: published,
    inLanguage: siteInfo.lang,
    url: absoluteUrl(permalink),
    mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(permalink) },
    author:
      data.reporters.length > 0
        ? data.reporters.map((name) => ({ '@type': 'Person', name, url: absoluteUrl(`/reporters/${encodedSegment(name)}/`) }))
        : [{ '@type': 'Organization', name: siteInfo.publisher, url: absoluteUrl('/') }],
    publisher,
    ...(data.tags.length > 0 ? { keywords: data.tags.join(',') } : {}),
    ...(data.section ? { articleSection: data.section } : {}),
    isPartOf: {
      '@type': 'PublicationIssue',
      datePublished: data.date,
      url: absoluteUrl(issuePath(data.date)),
      isPartOf: { '@type': 'Periodical', name: siteInfo.name, publisher },
    },
  };
}
