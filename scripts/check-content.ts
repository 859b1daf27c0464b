/**
 * `npm run check:content`: validates every article without building and
 * prints one block per file (line, column, problem in Chinese and English,
 * how to fix it). Exits 1 on any error, 0 otherwise.
 *
 * Options:
 *   --json            machine-readable output
 *   --fix-encoding    rewrite non-UTF-8 (e.g. GBK) files as UTF-8, keeping a .bak copy
 *   --dir <folder>    check another folder (default: ARCHIVE_CONTENT_DIR or content/articles)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PHOTO_CACHE_FILE } from '../src/lib/checkPhotos-fs.ts';
import { checkContent } from '../src/lib/contentCheck/checkContent-fs.ts';
import { fixEncoding } from '../src/lib/contentCheck/fixEncoding-fs.ts';
import { formatProblems, formatSummary, reportToJson } from '../src/lib/contentCheck/formatReport.ts';
import { hasErrors } from '../src/lib/contentCheck/problem.ts';
import { checkPages } from '../src/lib/scans/checkPages-fs.ts';

// Imported here so a bad setting (e.g. BASE_PATH) prints its message, not a stack trace.
const { siteConfig, defaultPagesDir } = await import('../src/config.ts').catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'fix-encoding': { type: 'boolean', default: false },
    dir: { type: 'string' },
  },
});
const dir = values.dir ?? siteConfig.contentDir;
if (!existsSync(dir)) {
  console.error(`找不到文章文件夹 ${dir}。 / The content folder ${dir} does not exist.`);
  process.exit(1);
}

// Photos are decoded as the build decodes them; those that passed are
// remembered in the build's cache folder, so a second run costs a stat each.
const photoCache = path.resolve(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro', PHOTO_CACHE_FILE);
let report = await checkContent(dir, { photoCache });
if (values['fix-encoding']) {
  const targets = new Set(report.problems.filter((item) => item.code === 'not-utf8').map((item) => item.file));
  for (const file of targets) {
    const fixed = fixEncoding(path.resolve(file));
    if (fixed) {
      console.error(`已转为 UTF-8 / Converted to UTF-8 from ${fixed.encoding}: ${file}（原文件备份 / backup: ${path.relative(process.cwd(), fixed.backup)}）`);
    }
  }
  if (targets.size > 0) report = await checkContent(dir, { photoCache });
}

// The printed pages (page files, scans, articles' regions): src/lib/scans/checkPages-fs.ts.
report.problems.push(...(await checkPages(values.dir ? defaultPagesDir(dir) : siteConfig.pagesDir, dir)));

if (values.json) {
  console.log(reportToJson(report));
} else {
  if (report.problems.length > 0) console.log(`${formatProblems(report.problems)}\n`);
  console.log(formatSummary(report));
}
process.exit(hasErrors(report.problems) ? 1 : 0);
