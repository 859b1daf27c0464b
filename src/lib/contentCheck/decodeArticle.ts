/**
 * Turns an article's bytes into text. Articles must be UTF-8; some Windows
 * tools still save Chinese text as GBK/GB18030, which would otherwise reach
 * readers as mojibake. A UTF-8 byte-order mark is accepted silently.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; hadBom: boolean }
  | {
      ok: false;
      /** Best guess from chardet, e.g. "GB18030"; undefined when unknown. */
      encoding: string | undefined;
      /** 1-based line and column (in bytes) of the first byte that is not UTF-8. */
      line: number;
      column: number;
    };

const BOM = [0xef, 0xbb, 0xbf];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte offset of the first invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    try {
      strictUtf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Encodings chardet reports for Simplified Chinese are all read as GB18030, their superset. */
export function isGbFamily(encoding: string | undefined): boolean {
  return encoding !== undefined && /^(gb18030|gbk|gb2312|gb_2312-80|cp936|euc-cn)$/i.test(encoding);
}

/** Decodes UTF-8 (with or without BOM) or reports the likely encoding. */
export function decodeArticle(bytes: Uint8Array): Decoded {
  const hadBom = BOM.every((byte, index) => bytes[index] === byte);
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictUtf8.decode(body), hadBom };
  } catch {
    const offset = firstInvalidUtf8(body);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (body[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return { ok: false, encoding: detectEncoding(body), line, column: offset - lineStart + 1 };
  }
}

/**
 * chardet's best guess. Short Chinese texts are sometimes scored as Big5 or
 * EUC-KR; when GB18030 is among the confident candidates and decodes the text
 * cleanly, prefer it: this archive is in Simplified Chinese.
 */
export function detectEncoding(bytes: Uint8Array): string | undefined {
  const candidates = chardet.analyse(bytes);
  const gb = candidates.find((candidate) => isGbFamily(candidate.name));
  if (gb && gb.confidence >= 10 && !iconv.decode(Buffer.from(bytes), 'gb18030').includes('\uFFFD')) return 'GB18030';
  return candidates[0]?.name;
}

/** Re-encodes text read as `encoding` into UTF-8 (no BOM). */
export function convertToUtf8(bytes: Uint8Array, encoding: string): string {
  const name = isGbFamily(encoding) ? 'gb18030' : encoding;
  if (!iconv.encodingExists(name)) throw new Error(`iconv-lite cannot read ${encoding}`);
  return iconv.decode(Buffer.from(bytes), name);
}
