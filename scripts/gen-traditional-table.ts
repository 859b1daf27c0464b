/**
 * Regenerates src/lib/search/traditionalChars.json: every single character
 * that OpenCC (opencc-js, "t" → "cn") converts to a different single
 * character. Search folds traditional to simplified one character at a time
 * with this table on both sides (index and query), so both always agree and
 * the browser never loads OpenCC's 100 KB dictionaries.
 *
 *   npx node scripts/gen-traditional-table.ts
 */
import { writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

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
writeFileSync('src/lib/search/traditionalChars.json', `${JSON.stringify({ traditional, simplified })}\n`);
console.log(`写入 ${[...traditional].length} 个繁简字对`);
