/**
 * Merges index shards (each a whole Pagefind index, written by its own
 * bounded Pagefind process) into one Pagefind index, so the browser searches
 * one index: a word costs one chunk download, however many shards the
 * archive needed to stay within memory. Node-only.
 *
 * Pagefind's files are gzip("pagefind_dcd" + CBOR). What is merged:
 * - the metadata (pf_meta): the pages of every shard in shard order (newest
 *   first, the order search(null) returns them in), each page's id (its
 *   fragment's file name) replaced by its date place (pageIds.ts);
 * - the word index (pf_index chunks): every shard's words merged in sorted
 *   order, page numbers moved by the pages of the shards before (they are
 *   stored as differences from the word's previous page), cut into
 *   chunks of chunkPositions() positions, named by content hash;
 * - the fragments, copied under their (possibly renamed) ids.
 * Shards are read one chunk at a time, so memory stays small at any size.
 *
 * The layout this relies on is Pagefind 1.6's; tests/e2e/searchExactness
 * checks that the merged index answers every query as one Pagefind index does.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { pageIdOfPlace } from './pageIds.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');
/**
 * Positions (plus one per page) per index chunk, for an archive whose pages
 * hold totalWords words (the sum of Pagefind's word counts). A search
 * downloads the metadata, which lists every chunk, and one chunk per word of
 * the query: small chunks make the list long, big ones make each word's
 * download big. Measured with bench:search's 800 queries on the 6,413-story
 * corpus archive (3.9 million words), metadata + chunks per search were
 * 105 KB with Pagefind's fixed 20,000, 85.6 KB at 10,000, 83.2 KB at 7,000,
 * 84.2 KB at 5,000 and 97.6 KB at 2,500. The sum is least where both parts
 * grow alike, which moves with the square root of the archive's size, so the
 * chunk list grows only as that square root too.
 */
export function chunkPositions(totalWords: number): number {
  return Math.max(2_000, Math.round(Math.sqrt(12.5 * totalWords)));
}

/** [page number − the word's previous page number, positions (differences, weight markers negative), meta positions] */
type PageHit = [number, number[], number[]];
/** [word, pages, extra] */
type WordEntry = [string, PageHit[], unknown[]];
/** [version, pages [id, word count, sort], chunks [from, to, id], filters, sorts, meta fields] */
type Meta = [string, [string, number, string][], [string, string, string][], unknown[], unknown[], unknown[]];

function readPagefindFile<T>(file: string): T {
  return decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE.length)) as T;
}

function pagefindBytes(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]));
}

/** A short content hash, as Pagefind names its files. */
function contentId(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 14);
}

interface ShardIndex {
  dir: string;
  meta: Meta;
  /** Language prefix of the shard's ids, e.g. "und". */
  language: string;
}

function readShard(dir: string): ShardIndex {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const [language, { hash }] = Object.entries(entry.languages)[0]!;
  return { dir, language, meta: readPagefindFile<Meta>(path.join(dir, `pagefind.${hash}.pf_meta`)) };
}

/** A shard's words in sorted order, one chunk in memory at a time. */
function* shardWords(shard: ShardIndex): Generator<WordEntry> {
  for (const [, , id] of shard.meta[2]) {
    const [words] = readPagefindFile<[WordEntry[]]>(path.join(shard.dir, 'index', `${id}.pf_index`));
    yield* words;
  }
}

/** Pagefind's get_prefixes: the shortest prefixes that still tell two neighbouring chunks apart. */
function boundaryPrefixes(a: string, b: string): [string, string] {
  const left = [...a];
  const right = [...b];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common += 1;
  return [left.slice(0, common + 1).join(''), right.slice(0, common + 1).join('')];
}

/**
 * Fragments are never changed once written (the shard cache is content
 * addressed), so a hard link does instead of a copy: tens of thousands of
 * files on a large archive. A copy where linking is not possible.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Byte order of UTF-8, as Pagefind (Rust) sorts words. */
const compareWords = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Writes one Pagefind index at outDir from shard indexes (newest first).
 * outDir must be empty; the runtime files (pagefind.js, wasm…) come from the first shard.
 */
export function mergeShards(shardDirs: string[], outDir: string): void {
  const shards = shardDirs.map(readShard);
  const language = shards[0]!.language;
  mkdirSync(path.join(outDir, 'index'), { recursive: true });
  mkdirSync(path.join(outDir, 'fragment'), { recursive: true });
  for (const name of readdirSync(shards[0]!.dir)) {
    if (/^(pagefind(-[\w-]+)?\.(js|css)|wasm\.[^/]+\.pagefind)$/.test(name)) cpSync(path.join(shards[0]!.dir, name), path.join(outDir, name));
  }

  // Pages, in shard order (newest first), each renamed by its date place
  // (pageIds.ts), which also keeps ids of different shards apart.
  const pages: Meta[1] = [];
  const offsets: number[] = [];
  const total = shards.reduce((sum, shard) => sum + shard.meta[1].length, 0);
  for (const shard of shards) {
    offsets.push(pages.length);
    for (const [id, wordCount, sort] of shard.meta[1]) {
      const merged = pageIdOfPlace(total - 1 - pages.length);
      linkOrCopy(path.join(shard.dir, 'fragment', `${id}.pf_fragment`), path.join(outDir, 'fragment', `${merged}.pf_fragment`));
      pages.push([merged, wordCount, sort]);
    }
  }

  // Words: a k-way merge of the shards' sorted words, cut into chunks.
  const chunkLimit = chunkPositions(pages.reduce((sum, [, wordCount]) => sum + wordCount, 0));
  const chunks: Meta[2] = [];
  let chunk: WordEntry[] = [];
  let chunkSize = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const bytes = pagefindBytes([chunk]);
    const id = `${language}_${contentId(bytes)}`;
    writeFileSync(path.join(outDir, 'index', `${id}.pf_index`), bytes);
    chunks.push([chunk[0]![0], chunk.at(-1)![0], id]);
    chunk = [];
    chunkSize = 0;
  };
  const heads = shards.map((shard) => {
    const words = shardWords(shard);
    return { words, current: words.next() };
  });
  for (;;) {
    let word: string | undefined;
    for (const head of heads) {
      if (!head.current.done && (word === undefined || compareWords(head.current.value[0], word) < 0)) word = head.current.value[0];
    }
    if (word === undefined) break;
    const hits: PageHit[] = [];
    const extra: unknown[] = [];
    // Page numbers are stored as differences from the previous page of the
    // word (positions too, within a page; those are copied as they are).
    let previousPage = 0;
    for (const [index, head] of heads.entries()) {
      if (head.current.done || head.current.value[0] !== word) continue;
      const [, shardHits, shardExtra] = head.current.value;
      let shardPage = 0;
      for (const [pageDelta, positions, metaPositions] of shardHits) {
        shardPage += pageDelta;
        const page = shardPage + offsets[index]!;
        hits.push([page - previousPage, positions, metaPositions]);
        previousPage = page;
      }
      extra.push(...shardExtra.filter((value) => !extra.includes(value)));
      head.current = head.words.next();
    }
    chunk.push([word, hits, extra]);
    // Pagefind's measure: stored entries (weight markers included) plus one, per page.
    for (const [, positions] of hits) chunkSize += positions.length + 1;
    if (chunkSize >= chunkLimit) flush();
  }
  flush();
  for (let i = 0; i + 1 < chunks.length; i += 1) {
    [chunks[i]![1], chunks[i + 1]![0]] = boundaryPrefixes(chunks[i]![1], chunks[i + 1]![0]);
  }

  const [version, , , filters, sorts, metaFields] = shards[0]!.meta;
  const metaBytes = pagefindBytes([version, pages, chunks, filters, sorts, metaFields] satisfies Meta);
  const metaId = `${language}_${contentId(metaBytes)}`;
  writeFileSync(path.join(outDir, `pagefind.${metaId}.pf_meta`), metaBytes);
  const entry = JSON.parse(readFileSync(path.join(shards[0]!.dir, 'pagefind-entry.json'), 'utf8')) as Record<string, unknown>;
  const languageEntry = (entry.languages as Record<string, Record<string, unknown>>)[language]!;
  entry.languages = { [language]: { ...languageEntry, hash: metaId, page_count: pages.length } };
  writeFileSync(path.join(outDir, 'pagefind-entry.json'), JSON.stringify(entry));
}
