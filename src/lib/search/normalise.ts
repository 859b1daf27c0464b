/**
 * The one normalisation that search applies to article text at index time and
 * to the reader's query at search time, so both sides always agree:
 * NFKC (full-width Ａ１ → A1), lower case, traditional → simplified (雲 → 云),
 * one character at a time so every normalised character can be traced back
 * to the original character it came from (for excerpts and highlighting).
 *
 * The traditional → simplified table (22 KB) is loaded on demand: call
 * `prepareNormalise(text)` before normalising text, which loads it only when
 * the text has a character that needs it (traditionalMask.json says which).
 */
import mask from './traditionalMask.json' with { type: 'json' };

const maskBits = Uint8Array.from(atob(mask.bits), (char) => char.charCodeAt(0));
const beyondMask = new Set(mask.beyond);

/** True when OpenCC maps the character to another (simplified) one. */
export function isTraditional(char: string): boolean {
  const code = char.codePointAt(0)!;
  const at = code - mask.from;
  if (at < 0) return false;
  if (at >= maskBits.length * 8) return beyondMask.has(char);
  return (maskBits[at >> 3]! & (1 << (at & 7))) !== 0;
}

let toSimplified: Map<string, string> | undefined;
let loading: Promise<void> | undefined;

/** Makes sure `text` can be normalised (loads the table if it, or any text when omitted, needs it). */
export async function prepareNormalise(text?: string): Promise<void> {
  if (toSimplified) return;
  if (text !== undefined && ![...text.normalize('NFKC')].some(isTraditional)) return;
  loading ??= import('./traditionalChars.json', { with: { type: 'json' } }).then(({ default: table }) => {
    const traditional = [...table.traditional];
    const simplified = [...table.simplified];
    toSimplified = new Map(traditional.map((char, index) => [char, simplified[index]!]));
  });
  await loading;
}

const cache = new Map<string, string>();
const ZERO_WIDTH = /^[\u200B-\u200D\u2060\uFEFF]$/u;

function simplify(char: string): string {
  if (!isTraditional(char)) return char;
  if (!toSimplified) throw new Error('normalise: call prepareNormalise(text) first');
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

/** Normalises text and keeps the map back to the original offsets. */
export function normaliseWithMap(original: string): NormalisedText {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of original) {
    const folded = normaliseChar(char);
    text += folded;
    for (let i = 0; i < folded.length; i += 1) origin.push(offset);
    offset += char.length;
  }
  return { text, origin: Uint32Array.from(origin) };
}

/** Normalises text (index side and query side alike). */
export function normalise(original: string): string {
  let text = '';
  for (const char of original) text += normaliseChar(char);
  return text;
}
