/**
 * Google's rules for Article structured data (developers.google.com/search/docs/appearance/structured-data/article),
 * as far as they can be read from the JSON itself: the image and logo files
 * are checked by the tests against dist/. Returns one line per broken rule.
 */
const ARTICLE_TYPES = ['Article', 'NewsArticle', 'BlogPosting'];
/** ISO 8601 date-time with an offset; a bare date is read in Google's time zone, not the paper's. */
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Formats Google Images indexes. */
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)$/i;
export const GOOGLE_HEADLINE_MAX = 110;

type Json = Record<string, any>;

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const urlOf = (image: unknown): unknown => (typeof image === 'object' && image !== null ? (image as Json).url : image);

function absoluteImageProblems(what: string, url: unknown): string[] {
  if (typeof url !== 'string' || !/^https?:\/\/[^/]+\//.test(url)) return [`${what}: not an absolute URL: ${JSON.stringify(url)}`];
  return IMAGE_FILE.test(new URL(url).pathname) ? [] : [`${what}: not an image file Google indexes: ${url}`];
}

/** Broken rules of one JSON-LD object; [] when it follows them all. */
export function googleArticleProblems(json: Json): string[] {
  const problems: string[] = [];
  if (!ARTICLE_TYPES.includes(json['@type'])) problems.push(`@type: ${json['@type']} is none of ${ARTICLE_TYPES.join(', ')}`);
  if (typeof json.headline !== 'string' || json.headline.trim() === '') problems.push('headline: missing');
  else if ([...json.headline].length > GOOGLE_HEADLINE_MAX) problems.push(`headline: ${[...json.headline].length} characters, more than ${GOOGLE_HEADLINE_MAX}`);
  const images = asList(json.image);
  if (images.length === 0) problems.push('image: missing');
  images.forEach((image, index) => problems.push(...absoluteImageProblems(`image[${index}]`, urlOf(image))));
  for (const field of ['datePublished', 'dateModified']) {
    if (!DATE_TIME_WITH_ZONE.test(String(json[field]))) problems.push(`${field}: ${JSON.stringify(json[field])} is no date-time with a time zone`);
  }
  if (Date.parse(json.dateModified) < Date.parse(json.datePublished)) problems.push('dateModified: before datePublished');
  const authors = asList(json.author) as Json[];
  if (authors.length === 0) problems.push('author: missing');
  authors.forEach((author, index) => {
    if (!['Person', 'Organization'].includes(author?.['@type'])) problems.push(`author[${index}].@type: ${author?.['@type']} is neither Person nor Organization`);
    if (typeof author?.name !== 'string' || author.name.trim() === '') problems.push(`author[${index}].name: missing`);
    if (author?.url !== undefined && !/^https?:\/\//.test(author.url)) problems.push(`author[${index}].url: not absolute: ${author.url}`);
  });
  const publisher = json.publisher as Json | undefined;
  if (publisher?.['@type'] !== 'Organization' || typeof publisher.name !== 'string') problems.push('publisher: no Organization with a name');
  if (!publisher?.logo) problems.push('publisher.logo: missing');
  else problems.push(...absoluteImageProblems('publisher.logo', urlOf(publisher.logo)));
  return problems;
}

/** The image URLs of a JSON-LD object: its images, then the publisher's logo. */
export function jsonLdImageUrls(json: Json): { images: string[]; logo: string } {
  return { images: asList(json.image).map((image) => String(urlOf(image))), logo: String(urlOf(json.publisher?.logo)) };
}
