/**
 * The dev server's latest content-check result, shared between the
 * integration (loaded by Node) and the middleware (loaded by Vite's module
 * runner in the same process, as a separate module instance): both reach it
 * through one global symbol.
 */
import path from 'node:path';
import type { ContentReport } from './checkContent-fs.ts';
import { formatProblems, formatSummary } from './formatReport.ts';

const KEY = Symbol.for('maoming-archive.contentCheck');

type Holder = { [KEY]?: ContentReport };

export function setDevReport(report: ContentReport): void {
  (globalThis as Holder)[KEY] = report;
}

export function getDevReport(): ContentReport | undefined {
  return (globalThis as Holder)[KEY];
}

/** Error shape Astro's dev overlay shows: title, message, hint and the file location. */
export interface OverlayError extends Error {
  title: string;
  hint: string;
  loc: { file: string; line: number; column: number };
}

/**
 * The errors (not warnings) of a report as one overlay error, with the same
 * text `npm run check:content` prints. Undefined when there are no errors.
 */
export function overlayError(report: ContentReport, root: string): OverlayError | undefined {
  const errors = report.problems.filter((item) => item.severity === 'error');
  const first = errors[0];
  if (!first) return undefined;
  const error = new Error(`${formatProblems(errors)}\n\n${formatSummary(report)}`) as OverlayError;
  error.name = 'ContentCheckError';
  error.title = '文章检查未通过 / Content check failed';
  error.hint = `${first.fix.zh}\n${first.fix.en}`;
  error.loc = { file: path.resolve(root, first.file), line: first.line, column: first.column };
  // No stack: the overlay would show this module's frames instead of the article.
  error.stack = '';
  return error;
}
