/**
 * The postings of one block of consecutive index pages (the articles of one
 * month, buildSearchIndex-fs.ts), with page numbers counted from the block's
 * first page: word → its pages in Pagefind 1.6's CBOR (writePagefindIndex-fs.ts).
 * A block's postings do not depend on where the block sits in the archive,
 * so a rebuild keeps those of unchanged months (indexBlockCache-fs.ts) and
 * indexes only the pages of changed ones. The writer joins the blocks'
 * postings, oldest block first, into the index's word lists.
 *
 * A word's bytes are its page list without the first page's head and page
 * number (`[3, delta, …]`): only that number depends on the pages before
 * the block, so the writer puts it in front when it joins the blocks.
 */
import { CborWriter, MAJOR_ARRAY, MAJOR_UINT } from './cborWriter.ts';
import { EMPTY_POSITION } from './tokens.ts';

/**
 * Pagefind 1.6 gives every word of a custom record weight 24 and writes
 * -(weight + 1) before the first location of a page (positions_to_packed_page).
 */
const WEIGHT_MARKER = -25;
/** The words Pagefind's indexer leaves as they are (no case, no punctuation, no stemming). */
const PLAIN_WORD = /^[a-z]+$/;

export interface BlockPostings {
  /** Each page's word count (positions, empty ones included), in page order. */
  wordCounts: number[];
  /** The block's distinct words, in byte order. */
  words: string[];
  /** Per word: how many pages hold it, its first and last page (block-relative), Pagefind's chunk measure. */
  pages: Uint32Array;
  first: Uint32Array;
  last: Uint32Array;
  size: Uint32Array;
  /** Per word, where its bytes start in `data` (one more entry: the end). */
  offsets: Uint32Array;
  data: Uint8Array;
}

/** A word's pages while the block is indexed. */
interface Growing {
  bytes: CborWriter;
  pages: number;
  first: number;
  last: number;
  size: number;
  /** The word's positions on the page being added. */
  positions: number[];
}

/** Indexes the block's pages (their words, in page order); `name(page)` names a page in errors. */
export function indexBlock(pageWords: Iterable<string[]>, name: (page: number) => string): BlockPostings {
  const growing = new Map<string, Growing>();
  const wordCounts: number[] = [];
  for (const words of pageWords) {
    const page = wordCounts.length;
    // The page's words, each once, in the order they first occur.
    const onPage: Growing[] = [];
    for (let position = 0; position < words.length; position += 1) {
      const word = words[position]!;
      if (word === EMPTY_POSITION) continue;
      let entry = growing.get(word);
      if (!entry) {
        if (!PLAIN_WORD.test(word)) throw new Error(`${name(page)}：检索词“${word}”不是 Pagefind 原样保留的词 / index word is not plain lower-case ASCII`);
        entry = { bytes: new CborWriter(), pages: 0, first: page, last: page, size: 0, positions: [] };
        growing.set(word, entry);
      }
      if (entry.positions.length === 0) onPage.push(entry);
      entry.positions.push(position);
    }
    for (const entry of onPage) {
      const { bytes: out, positions } = entry;
      // The first page's head and number are written when the blocks are joined.
      if (entry.pages > 0) {
        out.head(MAJOR_ARRAY, 3);
        out.int(page - entry.last);
      }
      out.head(MAJOR_ARRAY, positions.length + 1);
      out.int(WEIGHT_MARKER);
      let previous = 0;
      for (const position of positions) {
        out.head(MAJOR_UINT, position - previous);
        previous = position;
      }
      out.head(MAJOR_ARRAY, 0);
      entry.pages += 1;
      entry.last = page;
      entry.size += positions.length + 2;
      positions.length = 0;
    }
    wordCounts.push(words.length);
  }
  const count = growing.size;
  // Byte order, as Rust sorts strings; the words are ASCII, where it is also code unit order.
  const words = [...growing.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const block: BlockPostings = {
    wordCounts,
    words,
    pages: new Uint32Array(count),
    first: new Uint32Array(count),
    last: new Uint32Array(count),
    size: new Uint32Array(count),
    offsets: new Uint32Array(count + 1),
    data: new Uint8Array(0),
  };
  let length = 0;
  for (const entry of growing.values()) length += entry.bytes.length;
  block.data = new Uint8Array(length);
  let at = 0;
  for (const [i, word] of words.entries()) {
    const entry = growing.get(word)!;
    block.pages[i] = entry.pages;
    block.first[i] = entry.first;
    block.last[i] = entry.last;
    block.size[i] = entry.size;
    block.offsets[i] = at;
    block.data.set(entry.bytes.view(), at);
    at += entry.bytes.length;
  }
  block.offsets[count] = at;
  return block;
}

/** One word of the archive: the blocks that hold it (block number, the word's place in the block). */
export type WordHolders = Array<[block: number, index: number]>;

/**
 * The words of every block, in byte order, each once with the blocks that
 * hold it, oldest block first: a merge of the blocks' sorted word lists.
 */
export function* joinedWords(blocks: BlockPostings[]): Generator<[string, WordHolders]> {
  const at = blocks.map(() => 0);
  const next = (b: number) => blocks[b]!.words[at[b]!]!;
  // A binary heap of block numbers by their next word; equal words, the older block first.
  const heap: number[] = [];
  const less = (a: number, b: number) => {
    const x = next(a);
    const y = next(b);
    return x < y || (x === y && a < b);
  };
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      let least = i;
      if (left < heap.length && less(heap[left]!, heap[least]!)) least = left;
      if (left + 1 < heap.length && less(heap[left + 1]!, heap[least]!)) least = left + 1;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  };
  for (const [b, block] of blocks.entries()) if (block.words.length > 0) heap.push(b);
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i -= 1) down(i);
  while (heap.length > 0) {
    const word = next(heap[0]!);
    const holders: WordHolders = [];
    while (heap.length > 0 && next(heap[0]!) === word) {
      const b = heap[0]!;
      holders.push([b, at[b]!]);
      at[b]! += 1;
      if (at[b]! === blocks[b]!.words.length) {
        heap[0] = heap.at(-1)!;
        heap.pop();
      }
      down(0);
    }
    yield [word, holders];
  }
}

/**
 * Writes one word's entry of a chunk, `[word, pages, variants]`, from the
 * blocks that hold it; `starts[b]` is block b's first page in the index.
 * Returns Pagefind's chunk measure of the word.
 */
export function writeWordEntry(out: CborWriter, word: string, holders: WordHolders, blocks: BlockPostings[], starts: number[]): number {
  let pages = 0;
  let size = 0;
  for (const [b, i] of holders) {
    pages += blocks[b]!.pages[i]!;
    size += blocks[b]!.size[i]!;
  }
  out.head(MAJOR_ARRAY, 3);
  out.text(word);
  out.head(MAJOR_ARRAY, pages);
  let lastPage = 0;
  for (const [b, i] of holders) {
    const block = blocks[b]!;
    out.head(MAJOR_ARRAY, 3);
    out.int(starts[b]! + block.first[i]! - lastPage);
    out.raw(block.data.subarray(block.offsets[i]!, block.offsets[i + 1]!));
    lastPage = starts[b]! + block.last[i]!;
  }
  out.head(MAJOR_ARRAY, 0);
  return size;
}

/** The block as bytes, for the cache: counts, then the number arrays, the words and the data. */
export function encodeBlock(block: BlockPostings): Uint8Array {
  const words = Buffer.from(block.words.join('\n'), 'latin1');
  const count = block.words.length;
  const head = Uint32Array.of(block.wordCounts.length, count, words.length, block.data.length);
  const numbers = new Uint32Array(block.wordCounts.length + 5 * count + 1);
  numbers.set(block.wordCounts, 0);
  let at = block.wordCounts.length;
  for (const array of [block.pages, block.first, block.last, block.size, block.offsets]) {
    numbers.set(array, at);
    at += array.length;
  }
  return Buffer.concat([new Uint8Array(head.buffer), new Uint8Array(numbers.buffer), words, block.data]);
}

/** Reads encodeBlock's bytes back; throws when they do not add up (a damaged file). */
export function decodeBlock(bytes: Uint8Array): BlockPostings {
  // Copied out, so the numbers are aligned whatever the file buffer's offset.
  const ints = (from: number, length: number) => new Uint32Array(new Uint8Array(bytes.subarray(from, from + 4 * length)).buffer);
  const [pageCount, count, wordBytes, dataBytes] = ints(0, 4) as unknown as [number, number, number, number];
  const numbers = ints(16, pageCount + 5 * count + 1);
  const wordsAt = 16 + 4 * numbers.length;
  if (wordsAt + wordBytes + dataBytes !== bytes.length) throw new Error('检索索引缓存：块文件长度不符 / index block file has the wrong length');
  const part = (index: number, length: number) => numbers.subarray(pageCount + index * count, pageCount + index * count + length);
  const words = count === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset + wordsAt, wordBytes).toString('latin1').split('\n');
  if (words.length !== count) throw new Error('检索索引缓存：块文件的词数不符 / index block file has the wrong word count');
  return {
    wordCounts: [...numbers.subarray(0, pageCount)],
    words,
    pages: part(0, count),
    first: part(1, count),
    last: part(2, count),
    size: part(3, count),
    offsets: part(4, count + 1),
    data: bytes.subarray(wordsAt + wordBytes),
  };
}
