/**
 * `check:content --fix-encoding`: rewrites a GBK/GB18030 (or other legacy
 * encoded) article as UTF-8, after copying the original beside it.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { convertToUtf8, decodeArticle } from './decodeArticle.ts';

export interface FixedFile {
  file: string;
  encoding: string;
  backup: string;
}

/** A backup name that does not overwrite an earlier backup. */
function backupPath(file: string): string {
  let candidate = `${file}.bak`;
  for (let index = 1; existsSync(candidate); index++) candidate = `${file}.bak${index}`;
  return candidate;
}

/** Converts the file if it is not UTF-8 and its encoding is known; undefined otherwise. */
export function fixEncoding(file: string): FixedFile | undefined {
  const bytes = readFileSync(file);
  const decoded = decodeArticle(bytes);
  if (decoded.ok || decoded.encoding === undefined) return undefined;
  const text = convertToUtf8(bytes, decoded.encoding);
  const backup = backupPath(file);
  copyFileSync(file, backup);
  writeFileSync(file, text, 'utf8');
  return { file, encoding: decoded.encoding, backup };
}
