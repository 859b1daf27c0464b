/**
 * One thing `check:content` has to tell an editor about an article. Every
 * problem says where (file, line, column), what is wrong and how to fix it,
 * in Chinese first (editors' language) and English (developers, CI logs).
 */

/** Errors stop the build; warnings are printed and the build goes on. */
export type Severity = 'error' | 'warning';

/** A sentence in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface Problem {
  /** Path of the article, relative to the project root when possible. */
  file: string;
  /** 1-based line in the file (BOM not counted). */
  line: number;
  /** 1-based column, counted in characters. */
  column: number;
  severity: Severity;
  /** Stable identifier for scripts and tests, e.g. "yaml-fullwidth-colon". */
  code: string;
  message: Bilingual;
  fix: Bilingual;
}

/** Where in a file; used while a problem is being built. */
export interface Position {
  line: number;
  column: number;
}

/** Builds a problem without repeating the field names at every call site. */
export function problem(
  file: string,
  at: Position,
  severity: Severity,
  code: string,
  message: Bilingual,
  fix: Bilingual,
): Problem {
  return { file, line: at.line, column: at.column, severity, code, message, fix };
}

/** True when any of the problems stops the build. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((item) => item.severity === 'error');
}
