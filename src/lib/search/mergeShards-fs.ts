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
 * A word's page lists are copied as CBOR bytes (cborReader.ts), so the merge
 * decodes no positions: 8 s instead of 18 s for a 20,000-article archive.
 *
 * The layout this relies on is Pagefind 1.6's; tests/e2e/searchExactness
 * checks that the merged index answers every query as one Pagefind index does.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { CborReader, cborHead, MAJOR_ARRAY, MAJOR_TEXT, MAJOR_UINT } from './cborReader.ts';
import { pageIdOfPlace } from './pageIds.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');
const EMPTY: Uint8Array = new Uint8Array(0);
/** CBOR for [] */
const EMPTY_ARRAY = 0x80;
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

/**
 * One word of a shard's index chunk, as bytes: the merge copies its page
 * list as it is, except the first page's number, which is stored as a
 * difference from the word's previous page and so changes with the shards
 * before it.
 */
interface ShardWord {
  /** The word's UTF-8 bytes: Pagefind (Rust) sorts words in byte order. */
  word: Uint8Array;
  pageCount: number;
  /** The first and the last page's numbers within the shard. */
  firstPage: number;
  lastPage: number;
  /** The first page hit's head (its item count). */
  firstHead: Uint8Array;
  /** The first hit after its page number, then every other hit: copied as they are. */
  rest: Uint8Array;
  /** Pagefind's chunk measure: stored positions plus one, per page. */
  size: number;
  extra: unknown[];
}

/** A shard's words in sorted order, one chunk in memory at a time. */
function* shardWords(shard: ShardIndex): Generator<ShardWord> {
  for (const [, , id] of shard.meta[2]) {
    const bytes = gunzipSync(readFileSync(path.join(shard.dir, 'index', `${id}.pf_index`)));
    const reader = new CborReader(bytes, SIGNATURE.length);
    reader.head(MAJOR_ARRAY);
    const wordCount = reader.head(MAJOR_ARRAY);
    for (let w = 0; w < wordCount; w += 1) {
      reader.head(MAJOR_ARRAY);
      const wordLength = reader.head(MAJOR_TEXT);
      const word = bytes.subarray(reader.offset, reader.offset + wordLength);
      reader.offset += wordLength;
      const pageCount = reader.head(MAJOR_ARRAY);
      let firstPage = 0;
      let lastPage = 0;
      let firstHead = EMPTY;
      let restStart = reader.offset;
      let size = 0;
      for (let p = 0; p < pageCount; p += 1) {
        const hitStart = reader.offset;
        const items = reader.head(MAJOR_ARRAY);
        if (p === 0) {
          firstHead = reader.since(hitStart);
          firstPage = reader.head(MAJOR_UINT);
          lastPage = firstPage;
          restStart = reader.offset;
        } else {
          lastPage += reader.head(MAJOR_UINT);
        }
        const positionsStart = reader.offset;
        size += reader.head(MAJOR_ARRAY) + 1;
        reader.offset = positionsStart;
        for (let i = 1; i < items; i += 1) reader.skip();
      }
      const rest = reader.since(restStart);
      const extraStart = reader.offset;
      reader.skip();
      const extraBytes = reader.since(extraStart);
      const extra = extraBytes.length === 1 && extraBytes[0] === EMPTY_ARRAY ? [] : (decode(extraBytes) as unknown[]);
      yield { word, pageCount, firstPage, lastPage, firstHead, rest, size, extra };
    }
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
  // A chunk is written as its CBOR bytes: [[word, pages, extra], …].
  const chunkLimit = chunkPositions(pages.reduce((sum, [, wordCount]) => sum + wordCount, 0));
  const chunks: Meta[2] = [];
  let parts: Uint8Array[] = [];
  let chunkWords = 0;
  let firstWord = '';
  let lastWord = '';
  let chunkSize = 0;
  const flush = () => {
    if (chunkWords === 0) return;
    const bytes = gzipSync(Buffer.concat([SIGNATURE, cborHead(MAJOR_ARRAY, 1), cborHead(MAJOR_ARRAY, chunkWords), ...parts]));
    const id = `${language}_${contentId(bytes)}`;
    writeFileSync(path.join(outDir, 'index', `${id}.pf_index`), bytes);
    chunks.push([firstWord, lastWord, id]);
    parts = [];
    chunkWords = 0;
    chunkSize = 0;
  };
  const heads = shards.map((shard) => {
    const words = shardWords(shard);
    return { words, current: words.next() };
  });
  const text = new TextDecoder();
  for (;;) {
    let word: Uint8Array | undefined;
    for (const head of heads) {
      if (!head.current.done && (word === undefined || Buffer.compare(head.current.value.word, word) < 0)) word = head.current.value.word;
    }
    if (word === undefined) break;
    const wordParts: Uint8Array[] = [];
    const extra: unknown[] = [];
    let pageCount = 0;
    // Page numbers are stored as differences from the previous page of the
    // word; within a shard those stay as they are, only each shard's first
    // page is counted from the last page of the shards before it.
    let previousPage = 0;
    for (const [index, head] of heads.entries()) {
      if (head.current.done || Buffer.compare(head.current.value.word, word) !== 0) continue;
      const entry = head.current.value;
      head.current = head.words.next();
      if (entry.pageCount === 0) continue;
      const firstPage = entry.firstPage + offsets[index]!;
      wordParts.push(entry.firstHead, cborHead(MAJOR_UINT, firstPage - previousPage), entry.rest);
      previousPage = entry.lastPage + offsets[index]!;
      pageCount += entry.pageCount;
      chunkSize += entry.size;
      extra.push(...entry.extra.filter((value) => !extra.includes(value)));
    }
    const wordText = text.decode(word);
    if (chunkWords === 0) firstWord = wordText;
    lastWord = wordText;
    chunkWords += 1;
    parts.push(cborHead(MAJOR_ARRAY, 3), cborHead(MAJOR_TEXT, word.length), word, cborHead(MAJOR_ARRAY, pageCount), ...wordParts, encode(extra));
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
