/**
 * Just enough CBOR (RFC 8949) to walk Pagefind's index chunks without
 * decoding them: read an item's head, skip an item, write a head. The index
 * merge (mergeShards-fs.ts) copies each word's page list as the bytes it
 * already is and rewrites only the few numbers that change; decoding every
 * position into JavaScript arrays and encoding them again was most of its
 * time (18 s of CPU for a 20,000-article archive).
 *
 * Only definite lengths: Pagefind (Rust, serde) never writes indefinite ones.
 */

export const MAJOR_UINT = 0;
export const MAJOR_NEGINT = 1;
export const MAJOR_TEXT = 3;
export const MAJOR_ARRAY = 4;

/** A position in a CBOR byte buffer. */
export class CborReader {
  readonly bytes: Uint8Array;
  offset: number;

  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }

  /**
   * Reads the next item's head and returns its argument: the value of an
   * integer (for a negative integer, −1 − value), the byte length of a
   * string, the item count of an array.
   */
  head(expectedMajor?: number): number {
    const bytes = this.bytes;
    const initial = bytes[this.offset++];
    if (initial === undefined) throw new Error('CBOR: unexpected end of data');
    const major = initial >> 5;
    if (expectedMajor !== undefined && major !== expectedMajor) {
      throw new Error(`CBOR: expected major type ${expectedMajor}, found ${major} at byte ${this.offset - 1}`);
    }
    const info = initial & 31;
    if (info < 24) return info;
    const at = this.offset;
    switch (info) {
      case 24:
        this.offset += 1;
        return bytes[at]!;
      case 25:
        this.offset += 2;
        return (bytes[at]! << 8) | bytes[at + 1]!;
      case 26:
        this.offset += 4;
        return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
      case 27: {
        this.offset += 8;
        const high = bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
        const low = bytes[at + 4]! * 0x1000000 + ((bytes[at + 5]! << 16) | (bytes[at + 6]! << 8) | bytes[at + 7]!);
        return high * 2 ** 32 + low;
      }
      default:
        throw new Error(`CBOR: unsupported additional information ${info} at byte ${at - 1}`);
    }
  }

  /** Moves past the next item, whatever it holds. */
  skip(): void {
    const major = this.bytes[this.offset]! >> 5;
    const info = this.bytes[this.offset]! & 31;
    if (major === 7) {
      // Simple values and floats: the head's size is the item's size.
      this.offset += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
      return;
    }
    const argument = this.head();
    if (major === 2 || major === 3) this.offset += argument;
    else if (major === 4) for (let i = 0; i < argument; i += 1) this.skip();
    else if (major === 5) for (let i = 0; i < 2 * argument; i += 1) this.skip();
    else if (major === 6) this.skip();
  }

  /** The bytes from `start` to the current position, not copied. */
  since(start: number): Uint8Array {
    return this.bytes.subarray(start, this.offset);
  }
}

/** The shortest CBOR head for a major type and argument, as every encoder writes it. */
export function cborHead(major: number, argument: number): Uint8Array {
  const type = major << 5;
  if (argument < 24) return Uint8Array.of(type | argument);
  if (argument < 0x100) return Uint8Array.of(type | 24, argument);
  if (argument < 0x10000) return Uint8Array.of(type | 25, argument >> 8, argument & 0xff);
  if (argument < 0x100000000) {
    return Uint8Array.of(type | 26, argument >>> 24, (argument >> 16) & 0xff, (argument >> 8) & 0xff, argument & 0xff);
  }
  throw new Error(`CBOR: argument ${argument} is too large`);
}
