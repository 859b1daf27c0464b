/**
 * Reads a feed file with feedparser, the parser behind many Node feed
 * readers, the way they call it (its default, forgiving mode: strict mode
 * also stops it from reading RSS dates, a quirk of its XML reader).
 */
import { createReadStream } from 'node:fs';
import FeedParser from 'feedparser';

export interface ParsedFeed {
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

/** The feed's channel and items; rejects with the parser's error on a file it cannot read as a feed. */
export function readFeed(file: string): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({});
    const items: FeedParser.Item[] = [];
    parser.on('error', reject);
    parser.on('readable', function (this: FeedParser) {
      for (let item = this.read(); item; item = this.read()) items.push(item);
    });
    parser.on('end', () => resolve({ meta: parser.meta, items }));
    createReadStream(file).on('error', reject).pipe(parser);
  });
}

/** The values of an element that may repeat (<dc:creator>), in order. */
export function repeated(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((entry: { '#': string }) => entry['#']);
}
