/**
 * Writes a search index in Pagefind 1.6's file format, in this process, from
 * the index's pages: Pagefind's browser runtime (pagefind.js and its wasm,
 * copied from pagefindRuntime-fs.ts) searches it as if Pagefind's indexer had
 * written it. The project decides every word already (tokens.ts: bigrams as
 * ASCII words), so what Pagefind's indexer added was the file format, a
 * process of its own and its memory (about 0.28 GB per 1,000 articles).
 * Node-only. The format (docs/search.md; Pagefind's
 * pagefind/src/index/*.rs and output/*.rs):
 *
 * - every file is gzip("pagefind_dcd" + CBOR), a fragment gzip("pagefind_dcd" + JSON);
 * - pagefind-entry.json: version, languages { und: { hash of pf_meta, wasm, page_count } };
 * - pf_meta: [version, pages [id, word count, fragment group], chunks [from, to, id], filters, sorts, meta fields];
 * - pf_index chunks: [[word, pages [page delta, locations, meta locations], variants], …],
 *   words in byte order, a word's pages as differences from its previous page,
 *   locations as a weight marker then differences from the previous position.
 *
 * tests/e2e/pagefindGolden.test.ts builds the same pages with Pagefind's own
 * indexer and checks that the runtime answers every query alike: an upgrade
 * of Pagefind that changes the format fails there.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CborWriter, MAJOR_ARRAY, MAJOR_UINT } from './cborWriter.ts';
import { IndexFileWrites } from './indexFileWrites-fs.ts';
import { EMPTY_POSITION } from './tokens.ts';
import { pageIdOfPlace } from './pageIds.ts';

/** One page of the index: its words in order (EMPTY_POSITION counts a place, indexes nothing) and the fragment's meta. */
export interface IndexPage {
  url: string;
  words: string[];
  meta: Record<string, string>;
}

export interface WriteIndexOptions {
  /** A folder with Pagefind's runtime files and its pagefind-entry.json (pagefindRuntime-fs.ts). */
  runtimeDir: string;
  /** Fold the fragments into at most this many files, for hosts that limit the file count (Pagefind's maxFragments). */
  maxFragments?: number;
  /** Keeps the compressed files between builds, so a rebuild compresses only what changed (indexFileWrites-fs.ts). */
  cacheDir?: string;
}

const LANGUAGE = 'und';
/**
 * Pagefind 1.6 gives every word of a custom record weight 24 and writes
 * -(weight + 1) before the first location of a page (positions_to_packed_page).
 */
const WEIGHT_MARKER = -25;
/** The words Pagefind's indexer leaves as they are (no case, no punctuation, no stemming). */
const PLAIN_WORD = /^[a-z]+$/;

/**
 * Positions (plus one per page) per index chunk, for an archive whose pages
 * hold totalWords words (the sum of the word counts). A search downloads the
 * metadata, which lists every chunk, and one chunk per word of the query:
 * small chunks make the list long, big ones make each word's download big.
 * Measured with bench:search's 800 queries on the 6,413-story corpus archive
 * (3.9 million words), metadata + chunks per search were 105 KB with
 * Pagefind's fixed 20,000, 85.6 KB at 10,000, 83.2 KB at 7,000, 84.2 KB at
 * 5,000 and 97.6 KB at 2,500. The sum is least where both parts grow alike,
 * which moves with the square root of the archive's size.
 */
export function chunkPositions(totalWords: number): number {
  return Math.max(2_000, Math.round(Math.sqrt(12.5 * totalWords)));
}

/** A word's pages so far, as the CBOR bytes of its page list. */
interface Postings {
  bytes: CborWriter;
  pages: number;
  lastPage: number;
  /** Pagefind's chunk measure: locations plus one, per page. */
  size: number;
  /** The word's positions on the page being added. */
  positions: number[];
}

/** A short content hash, as Pagefind names its files. */
function contentId(bytes: Uint8Array): string {
  return `${LANGUAGE}_${createHash('sha256').update(bytes).digest('hex').slice(0, 14)}`;
}

/** Pagefind's get_prefixes: the shortest prefixes that still tell two neighbouring chunks apart. */
function boundaryPrefixes(a: string, b: string): [string, string] {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return [a.slice(0, common + 1), b.slice(0, common + 1)];
}

/** Adds one page's words to the postings; returns its word count. */
function addPage(postings: Map<string, Postings>, page: IndexPage, pageNumber: number): number {
  // The page's words, each once, in the order they first occur.
  const onPage: Postings[] = [];
  const words = page.words;
  for (let position = 0; position < words.length; position += 1) {
    const word = words[position]!;
    if (word === EMPTY_POSITION) continue;
    let entry = postings.get(word);
    if (!entry) {
      if (!PLAIN_WORD.test(word)) throw new Error(`${page.url}：检索词“${word}”不是 Pagefind 原样保留的词 / index word is not plain lower-case ASCII`);
      entry = { bytes: new CborWriter(), pages: 0, lastPage: 0, size: 0, positions: [] };
      postings.set(word, entry);
    }
    if (entry.positions.length === 0) onPage.push(entry);
    entry.positions.push(position);
  }
  for (const entry of onPage) {
    const { bytes: out, positions } = entry;
    out.head(MAJOR_ARRAY, 3);
    out.int(pageNumber - entry.lastPage);
    out.head(MAJOR_ARRAY, positions.length + 1);
    out.int(WEIGHT_MARKER);
    let previous = 0;
    for (const position of positions) {
      out.head(MAJOR_UINT, position - previous);
      previous = position;
    }
    out.head(MAJOR_ARRAY, 0);
    entry.pages += 1;
    entry.lastPage = pageNumber;
    entry.size += positions.length + 2;
    positions.length = 0;
  }
  return words.length;
}

/** Writes the index's word chunks; returns the metadata's chunk list. */
async function writeChunks(postings: Map<string, Postings>, totalWords: number, outDir: string, writes: IndexFileWrites): Promise<[string, string, string][]> {
  const limit = chunkPositions(totalWords);
  // Byte order, as Rust sorts strings; the words are ASCII, where it is also code unit order.
  const words = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: [string, string, string][] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const out = new CborWriter(1 << 16);
    out.head(MAJOR_ARRAY, 1);
    out.head(MAJOR_ARRAY, chunk.length);
    for (const word of chunk) {
      const entry = postings.get(word)!;
      out.head(MAJOR_ARRAY, 3);
      out.text(word);
      out.head(MAJOR_ARRAY, entry.pages);
      out.raw(entry.bytes.view());
      out.head(MAJOR_ARRAY, 0);
    }
    const id = contentId(out.view());
    await writes.add(path.join(outDir, 'index', `${id}.pf_index`), out.view());
    chunks.push([chunk[0]!, chunk.at(-1)!, id]);
    chunk = [];
    size = 0;
  };
  for (const word of words) {
    chunk.push(word);
    size += postings.get(word)!.size;
    if (size >= limit) await flush();
  }
  await flush();
  for (let i = 0; i + 1 < chunks.length; i += 1) {
    const [to, from] = boundaryPrefixes(chunks[i]![1], chunks[i + 1]![0]);
    // As Pagefind: the end is trimmed only when the range stays valid.
    if (to >= chunks[i]![0]) chunks[i]![1] = to;
    chunks[i + 1]![0] = from;
  }
  return chunks;
}

/**
 * Writes the fragments as pages come: one file per page, or folded into
 * groups of consecutive pages (maxFragments). Remembers each page's group id
 * ('' for none), which the metadata lists.
 */
class FragmentWriter {
  readonly groups: string[] = [];
  private members: Record<string, unknown> = {};
  private count = 0;
  private readonly perGroup: number;
  private readonly dir: string;
  private readonly writes: IndexFileWrites;
  private readonly maxFragments: number | undefined;

  constructor(dir: string, writes: IndexFileWrites, pageCount: number, maxFragments?: number) {
    this.dir = dir;
    this.writes = writes;
    this.maxFragments = maxFragments;
    this.perGroup = maxFragments ? Math.max(1, Math.ceil(pageCount / maxFragments)) : 1;
  }

  // The most compression: a search downloads one fragment per shown result.
  private write(name: string, value: unknown) {
    return this.writes.add(path.join(this.dir, `${name}.pf_fragment`), JSON.stringify(value), 9);
  }

  async add(id: string, page: IndexPage, wordCount: number): Promise<void> {
    const fragment = { url: page.url, content: '', word_count: wordCount, filters: {}, meta: page.meta, anchors: [] };
    if (!this.maxFragments) {
      this.groups.push('');
      return this.write(id, fragment);
    }
    this.members[id] = fragment;
    this.count += 1;
    if (this.count === this.perGroup) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.count === 0) return;
    const name = `${LANGUAGE}_group_${createHash('sha256').update(JSON.stringify(this.members)).digest('hex').slice(0, 7)}`;
    await this.write(name, this.members);
    for (let i = 0; i < this.count; i += 1) this.groups.push(name);
    this.members = {};
    this.count = 0;
  }
}

/**
 * Writes a Pagefind index of `pages` (pageCount of them, each made when it
 * is reached, so their words are never all in memory at once) at outDir
 * (which must not exist yet or be empty). Pages are numbered in the order given, the order Pagefind
 * returns them for a search without a query: pass them newest first. A
 * page's id (its fragment's name) is its place in date order counted from the
 * oldest (pageIds.ts).
 */
export async function writePagefindIndex(
  pageCount: number,
  pages: Iterable<IndexPage>,
  outDir: string,
  options: WriteIndexOptions,
): Promise<{ written: number; reused: number }> {
  mkdirSync(path.join(outDir, 'index'), { recursive: true });
  mkdirSync(path.join(outDir, 'fragment'), { recursive: true });
  for (const name of readdirSync(options.runtimeDir)) {
    if (name !== 'pagefind-entry.json') cpSync(path.join(options.runtimeDir, name), path.join(outDir, name));
  }
  const postings = new Map<string, Postings>();
  const writes = new IndexFileWrites(options.cacheDir);
  const fragments = new FragmentWriter(path.join(outDir, 'fragment'), writes, pageCount, options.maxFragments);
  // One page at a time: its words are indexed and dropped, its fragment
  // compressed meanwhile on another thread.
  const ids: string[] = [];
  const wordCounts: number[] = [];
  for (const page of pages) {
    const pageNumber = ids.length;
    const id = pageIdOfPlace(pageCount - 1 - pageNumber);
    const wordCount = addPage(postings, page, pageNumber);
    ids.push(id);
    wordCounts.push(wordCount);
    await fragments.add(id, page, wordCount);
  }
  await fragments.flush();
  if (ids.length !== pageCount) throw new Error(`检索索引：应有 ${pageCount} 篇，实得 ${ids.length} 篇 / expected ${pageCount} pages, got ${ids.length}`);
  const chunks = await writeChunks(postings, wordCounts.reduce((sum, count) => sum + count, 0), outDir, writes);
  postings.clear();
  const groups = fragments.groups;
  const entry = JSON.parse(readFileSync(path.join(options.runtimeDir, 'pagefind-entry.json'), 'utf8')) as {
    version: string;
    languages: Record<string, unknown>;
  };
  const meta = new CborWriter(1 << 16);
  meta.head(MAJOR_ARRAY, 6);
  meta.text(entry.version);
  meta.head(MAJOR_ARRAY, pageCount);
  for (const [index, id] of ids.entries()) {
    meta.head(MAJOR_ARRAY, 3);
    meta.text(id);
    meta.int(wordCounts[index]!);
    meta.text(groups[index]!);
  }
  meta.head(MAJOR_ARRAY, chunks.length);
  for (const [from, to, id] of chunks) {
    meta.head(MAJOR_ARRAY, 3);
    meta.text(from);
    meta.text(to);
    meta.text(id);
  }
  // No filters, sorts or meta fields: see searchRecord.ts.
  for (let i = 0; i < 3; i += 1) meta.head(MAJOR_ARRAY, 0);
  const metaId = contentId(meta.view());
  await writes.add(path.join(outDir, `pagefind.${metaId}.pf_meta`), meta.view());
  await writes.done();
  entry.languages = { [LANGUAGE]: { hash: metaId, wasm: null, page_count: pageCount } };
  // Last: the entry names the metadata, so it is never there before the files it leads to.
  await writeFile(path.join(outDir, 'pagefind-entry.json'), JSON.stringify(entry));
  return { written: writes.written, reused: writes.reused };
}
