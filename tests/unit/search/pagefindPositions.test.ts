/**
 * What src/lib/search/tokens.ts assumes of Pagefind, checked on the index
 * Pagefind really writes (its files are gzipped "pagefind_dcd" + CBOR):
 * - an EMPTY_POSITION token takes a position but is not indexed;
 * - positions count the tokens of the content, one per space-separated word;
 * - records carry no meta words (their meta goes into the fragments later).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_LANGUAGE } from '../../../src/lib/search/searchRecord.ts';
import { EMPTY_POSITION } from '../../../src/lib/search/tokens.ts';

const SIGNATURE_LENGTH = 'pagefind_dcd'.length;
const out = mkdtempSync(path.join(tmpdir(), 'pagefind-positions-'));
const readCbor = (file: string): unknown => decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE_LENGTH));

/** word → positions of the one page, from every index chunk. */
function postings(): Map<string, number[]> {
  const words = new Map<string, number[]>();
  for (const name of readdirSync(path.join(out, 'index'))) {
    const [entries] = readCbor(path.join(out, 'index', name)) as [[string, [number, number[]][]][]];
    // Locations are stored with weight markers (negative numbers) between them.
    for (const [word, pages] of entries) words.set(word, pages.flatMap(([, locations]) => locations.filter((n) => n >= 0)));
  }
  return words;
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('Pagefind positions, as the bigram index relies on them', () => {
  it('counts an empty position without indexing it, and indexes no meta', async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: RECORD_LANGUAGE });
    try {
      const content = ['abcdefgh', EMPTY_POSITION, EMPTY_POSITION, 'ijklmnop', EMPTY_POSITION, 'abcdefgh'].join(' ');
      const added = await index!.addCustomRecord({ url: '/a/', content, language: RECORD_LANGUAGE, meta: {} });
      expect(added.errors).toEqual([]);
      const written = await index!.writeFiles({ outputPath: out });
      expect(written.errors).toEqual([]);
    } finally {
      await pagefind.close();
    }
    expect(Object.fromEntries(postings())).toEqual({ abcdefgh: [0, 5], ijklmnop: [3] });
  });
});
