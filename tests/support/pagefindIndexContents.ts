/**
 * Everything a Pagefind index says about its words, independent of page
 * numbers, chunking and file names: word → "url@positions" per page, sorted.
 * Pagefind stores a word's page numbers as differences from the previous
 * page, and a page's positions as differences from the previous position
 * (negative numbers are weight markers).
 * Two indexes that answer every query alike have equal contents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

const SIGNATURE_LENGTH = 'pagefind_dcd'.length;
const read = (file: string): unknown => decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE_LENGTH));
const readText = (file: string): string => gunzipSync(readFileSync(file)).toString('utf8').slice(SIGNATURE_LENGTH);

export function pagefindIndexContents(dir: string): Map<string, string[]> {
  const metaFile = readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!;
  const [, pages, chunks] = read(path.join(dir, metaFile)) as [string, [string, number][], [string, string, string][]];
  const urls = pages.map(([id]) => (JSON.parse(readText(path.join(dir, 'fragment', `${id}.pf_fragment`))) as { url: string }).url);
  const words = new Map<string, string[]>();
  for (const [, , id] of chunks) {
    const [entries] = read(path.join(dir, 'index', `${id}.pf_index`)) as [[string, [number, number[]][]][]];
    for (const [word, hits] of entries) {
      const list = words.get(word) ?? [];
      let page = 0;
      for (const [pageDelta, deltas] of hits) {
        page += pageDelta;
        let position = 0;
        const positions = deltas.map((n) => (n < 0 ? n : (position += n)));
        list.push(`${urls[page]}@${positions.join(',')}`);
      }
      words.set(word, list);
    }
  }
  for (const list of words.values()) list.sort();
  return words;
}
