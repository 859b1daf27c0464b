/**
 * What the dev server knows is wrong with the content, shared between the
 * integration and the article loader (loaded by Node) and the middleware
 * (loaded by Vite's module runner in the same process, as a separate module
 * instance): all reach it through global symbols.
 * - the latest content-check report (contentCheckDev.ts), and
 * - the articles the loader holds back for a problem the check does not see,
 *   such as a damaged photo (devTolerantLoader.ts), with the build's message.
 */
import path from 'node:path';
import { slugFromFile } from '../permalink.ts';
import type { ContentReport } from './checkContent-fs.ts';
import { formatProblems, formatSummary } from './formatReport.ts';
import type { Problem } from './problem.ts';

const REPORT = Symbol.for('maoming-archive.contentCheck');
const HELD_BACK = Symbol.for('maoming-archive.heldBack');

type Holder = { [REPORT]?: ContentReport; [HELD_BACK]?: Map<string, string> };
const holder = globalThis as Holder;

export function setDevReport(report: ContentReport): void {
  holder[REPORT] = report;
}

export function getDevReport(): ContentReport | undefined {
  return holder[REPORT];
}

/** Notes (or, with no message, clears) why the loader holds back the article at `absolutePath`. */
export function setHeldBack(absolutePath: string, message: string | undefined): void {
  const held = (holder[HELD_BACK] ??= new Map());
  if (message === undefined) held.delete(absolutePath);
  else held.set(absolutePath, message);
}

/** Error shape Astro's dev overlay shows: title, message, hint and the file location. */
export interface OverlayError extends Error {
  title: string;
  hint: string;
  loc: { file: string; line: number; column: number };
}

const TITLE = '文章检查未通过 / Content check failed';

function overlay(message: string, hint: string, file: string, line = 1, column = 1): OverlayError {
  const error = new Error(message) as OverlayError;
  error.name = 'ContentCheckError';
  error.title = TITLE;
  error.hint = hint;
  error.loc = { file, line, column };
  // No stack: the overlay would show this module's frames instead of the article.
  error.stack = '';
  return error;
}

function reportError(errors: readonly Problem[], report: ContentReport, root: string): OverlayError | undefined {
  const first = errors[0];
  if (!first) return undefined;
  return overlay(`${formatProblems(errors)}\n\n${formatSummary(report)}`, `${first.fix.zh}\n${first.fix.en}`, path.resolve(root, first.file), first.line, first.column);
}

/**
 * The errors (not warnings) of a report as one overlay error, with the same
 * text `npm run check:content` prints. Undefined when there are no errors.
 */
export function overlayError(report: ContentReport, root: string): OverlayError | undefined {
  return reportError(report.problems.filter((item) => item.severity === 'error'), report, root);
}

/** An article page's address ends in /YYYY/MM/DD/<file name>/, whatever the base path. */
const ARTICLE_PATH = /\/\d{4}\/\d{2}\/\d{2}\/([^/]+)\/$/;

function decodedSegment(pathname: string): string | undefined {
  const segment = ARTICLE_PATH.exec(pathname)?.[1];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is no article's name; compare it as written.
    return segment;
  }
}

/**
 * The overlay error for one page: the errors of the article published at
 * `pathname`, or undefined for any other page. A broken article's date may
 * be the broken part, so the file name (the address's last part) decides.
 */
export function overlayErrorForPage(pathname: string, root: string): OverlayError | undefined {
  const slug = decodedSegment(pathname);
  if (slug === undefined) return undefined;
  const report = getDevReport();
  const checked = report && reportError(report.problems.filter((item) => item.severity === 'error' && slugFromFile(item.file) === slug), report, root);
  if (checked) return checked;
  for (const [file, message] of holder[HELD_BACK] ?? []) {
    if (slugFromFile(file) !== slug) continue;
    const [, ...fix] = message.split('\n');
    return overlay(message, fix.join('\n').trim(), file);
  }
  return undefined;
}
