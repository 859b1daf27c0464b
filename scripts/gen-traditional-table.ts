/**
 * Regenerates src/lib/search/traditional/traditional-NN.json: every single character
 * that OpenCC (opencc-js, "t" → "cn") converts to a different single
 * character. Search folds traditional to simplified one character at a time
 * with this table on both sides (index and query), so both always agree and
 * the browser never loads OpenCC's 100 KB dictionaries.
 *
 * The 22 KB table is cut into TRADITIONAL_BUCKETS files by code point
 * (normalise.ts): a query in traditional characters fetches only the few
 * files of its own characters, under 1 KB each.
 *
 * Also writes src/lib/search/traditionalMask.json, a 4 KB bitmap of those
 * characters: the browser fetches a table file only for text that has one
 * (rare in a simplified-Chinese archive).
 *
 *   npx node scripts/gen-traditional-table.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { bucketFile, bucketOf, TRADITIONAL_BUCKETS } from '../src/lib/search/normalise.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const ranges: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2ebef],
];
let traditional = '';
let simplified = '';
for (const [from, to] of ranges) {
  for (let code = from; code <= to; code += 1) {
    const char = String.fromCodePoint(code);
    const converted = toSimplified(char);
    if (converted !== char && [...converted].length === 1) {
      traditional += char;
      simplified += converted;
    }
  }
}
const buckets = Array.from({ length: TRADITIONAL_BUCKETS }, () => ({ traditional: '', simplified: '' }));
const simplifiedChars = [...simplified];
for (const [index, char] of [...traditional].entries()) {
  const bucket = buckets[bucketOf(char)]!;
  bucket.traditional += char;
  bucket.simplified += simplifiedChars[index]!;
}
rmSync('src/lib/search/traditional', { recursive: true, force: true });
mkdirSync('src/lib/search/traditional');
for (const [index, bucket] of buckets.entries()) {
  writeFileSync(`src/lib/search/traditional/${bucketFile(index)}.json`, `${JSON.stringify(bucket)}\n`);
}
const MASK_FROM = 0x3400;
const MASK_TO = 0x9fff;
const bits = new Uint8Array(Math.ceil((MASK_TO - MASK_FROM + 1) / 8));
let beyond = '';
for (const char of traditional) {
  const code = char.codePointAt(0)!;
  if (code > MASK_TO) beyond += char;
  else bits[(code - MASK_FROM) >> 3]! |= 1 << ((code - MASK_FROM) & 7);
}
const mask = { from: MASK_FROM, bits: Buffer.from(bits).toString('base64'), beyond };
writeFileSync('src/lib/search/traditionalMask.json', `${JSON.stringify(mask)}\n`);
console.log(`写入 ${[...traditional].length} 个繁简字对`);
