/**
 * Builds a problem about a page file or an article's page fields, at the
 * line where the field is written, in the content check's format
 * (src/lib/contentCheck/problem.ts), so `check:content` prints it like any other.
 */
import { problem, type Bilingual, type Problem } from '../contentCheck/problem.ts';

/** 1-based line of a top-level `field:` in YAML text, or 1. */
export function fieldLine(text: string, field: string): number {
  if (!field) return 1;
  const top = field.split('.')[0]!;
  const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(`${top}:`));
  return index < 0 ? 1 : index + 1;
}

export function pageProblem(file: string, field: string, code: string, message: Bilingual, fix: Bilingual, text = ''): Problem {
  return problem(file, { line: fieldLine(text, field), column: 1 }, 'error', code, message, fix);
}
