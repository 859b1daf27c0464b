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
 * Pages are numbered oldest first and come in blocks (indexBlock.ts), whose
 * postings a rebuild takes from the cache for unchanged blocks; chunks are
 * cut where the words say (endsChunk), so an added article changes only the
 * chunks that hold its words, and the others are linked from the file cache.
 *
 * tests/e2e/pagefindGolden.test.ts builds the same pages with Pagefind's own
 * indexer and checks that the runtime answers every query alike: an upgrade
 * of Pagefind that changes the format fails there.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CborWriter, MAJOR_ARRAY } from './cborWriter.ts';
import { IndexFileWrites } from './indexFileWrites-fs.ts';
import { indexBlock, joinedWords, writeWordEntry, type BlockPostings } from './indexBlock.ts';
import { pageIdOfPlace } from './pageIds.ts';

/** One page of the index: its words in order (EMPTY_POSITION counts a place, indexes nothing) and the fragment's meta. */
export interface IndexPage {
  url: string;
  words: string[];
  meta: Record<string, string>;
}

/** What a page's fragment shows. */
export type IndexFragment = Pick<IndexPage, 'url' | 'meta'>;

/** Consecutive pages of the index, oldest first, and their postings (indexed now or kept from an earlier build). */
export interface IndexBlockInput {
  pages: IndexFragment[];
  postings(): BlockPostings;
}

/** Pages as one block, indexed now (tests, small indexes). */
export function pagesBlock(pages: IndexPage[]): IndexBlockInput {
  return { pages, postings: () => indexBlock(pages.map((page) => page.words), (index) => pages[index]!.url) };
}

export interface WriteIndexOptions {
  /** A folder with Pagefind's runtime files and its pagefind-entry.json (pagefindRuntime-fs.ts). */
  runtimeDir: string;
  /** Fold the fragments into at most this many files, for hosts that limit the file count (Pagefind's maxFragments). */
  maxFragments?: number;
  /** Keeps the compressed files between builds, so a rebuild compresses only what changed (indexFileWrites-fs.ts). */
  cacheDir?: string;
  /** Called after each block's postings are made: a block's words are garbage by then (src/build/indexStage.ts). */
  afterBlock?: () => void;
}

const LANGUAGE = 'und';

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

/**
 * The chunk size aimed at: chunkPositions rounded to two significant digits,
 * so it stays the same while the archive grows by a few articles (at 20,000
 * stories it moves about once per 15 % of growth).
 */
export function chunkTarget(totalWords: number): number {
  return Number(chunkPositions(totalWords).toPrecision(2));
}

/** FNV-1a of a word, 32 bits: spreads the words' chunk ends evenly. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Whether a chunk that has reached `chunkSize` with `word` (of `wordSize`)
 * ends after it. Chunk ends are chosen by the words themselves, not by a
 * running count from the first word: adding a page changes the sizes of its
 * words only, so only the chunks that hold them change, and the chunks after
 * them keep their words (and their files, linked from the cache). A chunk
 * holds at least three quarters of the target; after that each unit of size
 * ends it with the same chance, so chunks average the target; at twice the
 * target a chunk ends anyway.
 */
export function endsChunk(word: string, wordSize: number, chunkSize: number, target: number): boolean {
  if (chunkSize >= 2 * target) return true;
  if (chunkSize < (3 * target) / 4) return false;
  return wordHash(word) < Math.min(1, (4 * wordSize) / target) * 2 ** 32;
}

/** Writes the index's word chunks from the blocks (block b's first page is starts[b]); returns the metadata's chunk list. */
async function writeChunks(blocks: BlockPostings[], starts: number[], totalWords: number, outDir: string, writes: IndexFileWrites): Promise<[string, string, string][]> {
  const target = chunkTarget(totalWords);
  const chunks: [string, string, string][] = [];
  let body = new CborWriter(1 << 16);
  let first = '';
  let last = '';
  let count = 0;
  let size = 0;
  const flush = async () => {
    if (count === 0) return;
    const out = new CborWriter(body.length + 16);
    out.head(MAJOR_ARRAY, 1);
    out.head(MAJOR_ARRAY, count);
    out.raw(body.view());
    const id = contentId(out.view());
    await writes.add(path.join(outDir, 'index', `${id}.pf_index`), out.view());
    chunks.push([first, last, id]);
    body = new CborWriter(1 << 16);
    count = 0;
    size = 0;
  };
  for (const [word, holders] of joinedWords(blocks)) {
    if (count === 0) first = word;
    last = word;
    count += 1;
    const wordSize = writeWordEntry(body, word, holders, blocks, starts);
    size += wordSize;
    if (endsChunk(word, wordSize, size, target)) await flush();
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

  async add(id: string, page: IndexFragment, wordCount: number): Promise<void> {
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
 * Writes a Pagefind index of the blocks' pages at outDir (which must not
 * exist yet or be empty). Pages are numbered in the order given, oldest
 * first, so an added article takes the next number and the others keep
 * theirs; a page's id (its fragment's name) is its place in date order
 * (pageIds.ts), which the browser ranks and sorts by. One block is in memory
 * at a time besides the archive's postings.
 */
export async function writePagefindIndex(
  blocks: IndexBlockInput[],
  outDir: string,
  options: WriteIndexOptions,
): Promise<{ written: number; reused: number }> {
  mkdirSync(path.join(outDir, 'index'), { recursive: true });
  mkdirSync(path.join(outDir, 'fragment'), { recursive: true });
  for (const name of readdirSync(options.runtimeDir)) {
    if (name !== 'pagefind-entry.json') cpSync(path.join(options.runtimeDir, name), path.join(outDir, name));
  }
  const pageCount = blocks.reduce((sum, block) => sum + block.pages.length, 0);
  const writes = new IndexFileWrites(options.cacheDir);
  const fragments = new FragmentWriter(path.join(outDir, 'fragment'), writes, pageCount, options.maxFragments);
  const ids: string[] = [];
  const wordCounts: number[] = [];
  const joined: BlockPostings[] = [];
  const starts: number[] = [];
  for (const block of blocks) {
    const blockPostings = block.postings();
    options.afterBlock?.();
    if (blockPostings.wordCounts.length !== block.pages.length) {
      throw new Error(`检索索引：块应有 ${block.pages.length} 篇，实得 ${blockPostings.wordCounts.length} 篇 / a block has ${blockPostings.wordCounts.length} pages, expected ${block.pages.length}`);
    }
    joined.push(blockPostings);
    starts.push(ids.length);
    for (const [index, page] of block.pages.entries()) {
      const id = pageIdOfPlace(ids.length);
      const wordCount = blockPostings.wordCounts[index]!;
      ids.push(id);
      wordCounts.push(wordCount);
      // Compressed meanwhile on another thread.
      await fragments.add(id, page, wordCount);
    }
  }
  await fragments.flush();
  const chunks = await writeChunks(joined, starts, wordCounts.reduce((sum, count) => sum + count, 0), outDir, writes);
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
