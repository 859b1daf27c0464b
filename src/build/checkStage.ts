/**
 * check: every article with the rules and messages of `npm run check:content`,
 * and the printed pages (page files, scans, articles' regions). Unchanged
 * articles keep their last result (checkCache-fs.ts), and their warnings are
 * counted, not printed again. Run in a stage process
 * of its own (stageProcess.ts), beside Astro.
 */
import path from 'node:path';
import { PHOTO_CACHE_FILE } from '../lib/checkPhotos-fs.ts';
import { checkContent } from '../lib/contentCheck/checkContent-fs.ts';
import { CHECK_CACHE_FILE, checkerVersion, loadCheckCache, saveCheckCache } from '../lib/contentCheck/checkCache-fs.ts';
import { formatProblems, formatSummary, formatUnchangedWarnings } from '../lib/contentCheck/formatReport.ts';
import { hasErrors } from '../lib/contentCheck/problem.ts';
import { checkPages } from '../lib/scans/checkPages-fs.ts';

export interface CheckInput {
  contentDir: string;
  pagesDir: string;
  cacheDir: string;
}

/** failed: an error stops the build; output: the report to print (warnings only when not failed), if any. */
export interface CheckResult {
  failed: boolean;
  output?: string;
}

export async function runCheck({ contentDir, pagesDir, cacheDir }: CheckInput): Promise<CheckResult> {
  const cacheFile = path.join(cacheDir, CHECK_CACHE_FILE);
  const checker = checkerVersion();
  const cache = loadCheckCache(cacheFile, checker);
  // Photos are decoded too, as Astro will, so a damaged one stops the build
  // here with the check's message rather than in Astro with a stack trace.
  const report = await checkContent(contentDir, { cache, photoCache: path.join(cacheDir, PHOTO_CACHE_FILE) });
  report.problems.push(...(await checkPages(pagesDir, contentDir)));
  saveCheckCache(cacheFile, cache, checker);
  if (report.problems.length === 0) return { failed: false };
  // Every error, and every warning but those of articles unchanged since the
  // last build: an editor who adds today's story sees its warnings, not the
  // archive's thousands, printed by every build before, above them.
  const unchanged = new Set(report.unchanged);
  const listed = report.problems.filter((item) => item.severity === 'error' || !unchanged.has(item.file));
  const left = report.problems.length - listed.length;
  const lines = [listed.length > 0 && formatProblems(listed), formatSummary(report), left > 0 && formatUnchangedWarnings(left)];
  return { failed: hasErrors(report.problems), output: lines.filter(Boolean).join('\n\n') };
}
