/**
 * Just enough CBOR (RFC 8949) to write Pagefind's index files: item heads
 * (unsigned and negative integers, text, arrays) appended to one growing
 * byte buffer, in the shortest form, as Pagefind's encoder (minicbor) writes
 * them. The index writer calls it once per position, tens of millions of
 * times on a large archive, so it writes bytes in place and allocates only
 * when the buffer grows.
 */

export const MAJOR_UINT = 0;
export const MAJOR_NEGINT = 1;
export const MAJOR_TEXT = 3;
export const MAJOR_ARRAY = 4;

export class CborWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** An item's head: the major type and its argument (a value, a length, a count). */
  head(major: number, argument: number): void {
    this.reserve(5);
    const type = major << 5;
    const bytes = this.bytes;
    let at = this.length;
    if (argument < 24) {
      bytes[at++] = type | argument;
    } else if (argument < 0x100) {
      bytes[at++] = type | 24;
      bytes[at++] = argument;
    } else if (argument < 0x10000) {
      bytes[at++] = type | 25;
      bytes[at++] = argument >> 8;
      bytes[at++] = argument & 0xff;
    } else if (argument < 0x100000000) {
      bytes[at++] = type | 26;
      bytes[at++] = argument >>> 24;
      bytes[at++] = (argument >> 16) & 0xff;
      bytes[at++] = (argument >> 8) & 0xff;
      bytes[at++] = argument & 0xff;
    } else {
      throw new Error(`CBOR: argument ${argument} is too large`);
    }
    this.length = at;
  }

  /** A signed integer. */
  int(value: number): void {
    if (value >= 0) this.head(MAJOR_UINT, value);
    else this.head(MAJOR_NEGINT, -1 - value);
  }

  /** A text string (UTF-8). */
  text(value: string): void {
    const encoded = Buffer.from(value, 'utf8');
    this.head(MAJOR_TEXT, encoded.length);
    this.raw(encoded);
  }

  /** Bytes that already are CBOR. */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
