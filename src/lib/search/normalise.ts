/**
 * The one normalisation that search applies to article text at index time and
 * to the reader's query at search time, so both sides always agree:
 * NFKC (full-width Ａ１ → A1), lower case, traditional → simplified (雲 → 云),
 * one character at a time so every normalised character can be traced back
 * to the original character it came from (for excerpts and highlighting).
 *
 * The traditional → simplified table (22 KB) is loaded on demand, in
 * TRADITIONAL_BUCKETS parts by code point (traditional/traditional-NN.json, written by
 * scripts/gen-traditional-table.ts): call `prepareNormalise(text)` before
 * normalising text, which loads only the parts for the text's characters that
 * need one (traditionalMask.json says which), usually none.
 */
import mask from './traditionalMask.json' with { type: 'json' };

const maskBits = Uint8Array.from(atob(mask.bits), (char) => char.charCodeAt(0));
const beyondMask = new Set(mask.beyond);

/** True when OpenCC maps the character with this code point to another (simplified) one. */
function isTraditionalCode(code: number): boolean {
  const at = code - mask.from;
  if (at < 0) return false;
  if (at >= maskBits.length * 8) return beyondMask.has(String.fromCodePoint(code));
  return (maskBits[at >> 3]! & (1 << (at & 7))) !== 0;
}

/** True when OpenCC maps the character to another (simplified) one. */
export function isTraditional(char: string): boolean {
  return isTraditionalCode(char.codePointAt(0)!);
}

/**
 * Characters that normalise to themselves, known without NFKC or a table
 * lookup: ASCII other than capitals and whitespace, and the CJK unified
 * ideographs (U+4E00–U+9FFF, untouched by NFKC and case) that are not
 * traditional. Nearly all of a Chinese article, so normalising it is mostly
 * copying (the index normalises every article, the search page every shown result).
 */
function keepsItself(code: number): boolean {
  if (code < 0x80) return !(code >= 0x41 && code <= 0x5a) && !(code >= 0x09 && code <= 0x0d);
  return code >= 0x4e00 && code <= 0x9fff && !isTraditionalCode(code);
}

/** Parts of the table: a query in traditional characters fetches a few files under 1 KB, not all 22 KB. */
export const TRADITIONAL_BUCKETS = 32;
export const bucketOf = (char: string): number => char.codePointAt(0)! % TRADITIONAL_BUCKETS;
/** The part's file name (without .json); also the start of its chunk's name in the built site. */
export const bucketFile = (bucket: number): string => `traditional-${String(bucket).padStart(2, '0')}`;

const toSimplified = new Map<string, string>();
const loaded = new Set<number>();
const loading = new Map<number, Promise<void>>();

function loadBucket(bucket: number): Promise<void> {
  let promise = loading.get(bucket);
  if (!promise) {
    promise = import(`./traditional/${bucketFile(bucket)}.json`, { with: { type: 'json' } }).then(
      ({ default: table }: { default: { traditional: string; simplified: string } }) => {
        const simplified = [...table.simplified];
        for (const [index, char] of [...table.traditional].entries()) toSimplified.set(char, simplified[index]!);
        loaded.add(bucket);
      },
    );
    loading.set(bucket, promise);
  }
  return promise;
}

/** Makes sure `text` can be normalised (loads the parts of the table it needs; all of it when omitted). */
export async function prepareNormalise(text?: string): Promise<void> {
  const buckets =
    text === undefined
      ? Array.from({ length: TRADITIONAL_BUCKETS }, (_, bucket) => bucket)
      : [...new Set([...text.normalize('NFKC')].filter(isTraditional).map(bucketOf))];
  await Promise.all(buckets.filter((bucket) => !loaded.has(bucket)).map(loadBucket));
}

const cache = new Map<string, string>();
const ZERO_WIDTH = /^[\u200B-\u200D\u2060\uFEFF]$/u;

function simplify(char: string): string {
  if (!isTraditional(char)) return char;
  if (!loaded.has(bucketOf(char))) throw new Error('normalise: call prepareNormalise(text) first');
  return toSimplified.get(char) ?? char;
}

/** Normalises one character (a code point); the result may be several characters. */
export function normaliseChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    // Zero-width characters are invisible: a reader cannot type them, so
    // 零\u200B宽 must match 零宽. They fold to nothing.
    folded = ZERO_WIDTH.test(char) ? '' : [...char.normalize('NFKC').toLowerCase()].map(simplify).join('');
    // Whitespace of any kind separates terms; make it one kind.
    folded = folded.replace(/\s+/gu, ' ');
    cache.set(char, folded);
  }
  return folded;
}

/** Normalised text plus, for each of its UTF-16 units, the index of the original unit it came from. */
export interface NormalisedText {
  text: string;
  origin: Uint32Array;
}

/**
 * The one walk both normalisers share: runs of characters that keep
 * themselves are reported whole (`kept(start, end)`), every other character
 * with its normalised form (`folded(at, text)`), in order.
 */
function walk(original: string, kept: (start: number, end: number) => void, folded: (at: number, text: string) => void): void {
  let runStart = 0;
  for (let at = 0; at < original.length; ) {
    const code = original.codePointAt(at)!;
    if (keepsItself(code)) {
      at += 1;
      continue;
    }
    if (runStart < at) kept(runStart, at);
    const width = code > 0xffff ? 2 : 1;
    folded(at, normaliseChar(original.slice(at, at + width)));
    at += width;
    runStart = at;
  }
  if (runStart < original.length) kept(runStart, original.length);
}

/** Normalises text and keeps the map back to the original offsets. */
export function normaliseWithMap(original: string): NormalisedText {
  const pieces: string[] = [];
  let origin = new Uint32Array(original.length + 16);
  let length = 0;
  const reserve = (units: number) => {
    if (length + units <= origin.length) return;
    const grown = new Uint32Array(2 * (length + units));
    grown.set(origin);
    origin = grown;
  };
  walk(
    original,
    (start, end) => {
      pieces.push(original.slice(start, end));
      reserve(end - start);
      for (let at = start; at < end; at += 1) origin[length++] = at;
    },
    (at, text) => {
      pieces.push(text);
      reserve(text.length);
      for (let i = 0; i < text.length; i += 1) origin[length++] = at;
    },
  );
  return { text: pieces.join(''), origin: origin.slice(0, length) };
}

/** Normalises text (index side and query side alike). */
export function normalise(original: string): string {
  const pieces: string[] = [];
  walk(
    original,
    (start, end) => pieces.push(original.slice(start, end)),
    (_at, text) => pieces.push(text),
  );
  return pieces.join('');
}
