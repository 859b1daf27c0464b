/**
 * The one normalisation that search applies to article text at index time and
 * to the reader's query at search time, so both sides always agree:
 * NFKC (full-width Ａ１ → A1), lower case, traditional → simplified (雲 → 云),
 * one character at a time so every normalised character can be traced back
 * to the original character it came from (for excerpts and highlighting).
 */
import table from './traditionalChars.json' with { type: 'json' };

const toSimplified = new Map<string, string>();
{
  const traditional = [...table.traditional];
  const simplified = [...table.simplified];
  traditional.forEach((char, index) => toSimplified.set(char, simplified[index]!));
}

const cache = new Map<string, string>();

/** Normalises one character (a code point); the result may be several characters. */
export function normaliseChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = [...char.normalize('NFKC').toLowerCase()].map((c) => toSimplified.get(c) ?? c).join('');
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
