/** The CBOR walker the index merge uses agrees with a full CBOR library (cborg). */
import { encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { CborReader, cborHead, MAJOR_ARRAY, MAJOR_NEGINT, MAJOR_TEXT, MAJOR_UINT } from '../../../src/lib/search/cborReader.ts';

const BOUNDARIES = [0, 1, 23, 24, 255, 256, 65_535, 65_536, 2 ** 32 - 1];

describe('cborReader', () => {
  it('writes heads as cborg encodes integers and reads them back', () => {
    for (const value of BOUNDARIES) {
      expect(cborHead(MAJOR_UINT, value)).toEqual(encode(value));
      expect(new CborReader(encode(value)).head(MAJOR_UINT)).toBe(value);
      expect(new CborReader(encode(-1 - value)).head(MAJOR_NEGINT)).toBe(value);
    }
    expect(() => cborHead(MAJOR_UINT, 2 ** 32)).toThrow(/too large/);
  });

  it('reads string and array heads', () => {
    const reader = new CborReader(encode(['茂名', [1, 2, 3]]));
    expect(reader.head(MAJOR_ARRAY)).toBe(2);
    expect(reader.head(MAJOR_TEXT)).toBe(6);
    reader.offset += 6;
    expect(reader.head(MAJOR_ARRAY)).toBe(3);
    expect(() => reader.head(MAJOR_TEXT)).toThrow(/expected major type 3/);
  });

  it('skips any item to its end', () => {
    const values = [0, -500, 70_000, 2 ** 40, 1.5, true, null, 'abc', '晚报'.repeat(40), new Uint8Array(300), [], [1, [-2, [3, 'x']], { a: [1, 2] }], new Map([[1, 'one']])];
    for (const value of values) {
      const bytes = encode([value, 'end']);
      const reader = new CborReader(bytes, 1);
      reader.skip();
      expect(reader.head(MAJOR_TEXT)).toBe(3);
      expect(reader.offset + 3).toBe(bytes.length);
    }
  });
});
