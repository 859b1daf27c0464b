/**
 * `npm run build`: builds the archive into a temporary folder and swaps it in
 * only when everything succeeded, so a failed build never destroys the last
 * good `dist/`.
 *
 * While Astro starts, every article is checked with the same rules and
 * messages as `npm run check:content`; any error stops the build (Astro and
 * its output are dropped) with those messages,
 * never a stack trace, and the previous dist/ stays as it was.
 *
 * Options: --out <folder> (default: dist, or ARCHIVE_DIST_DIR); --full renders
 * every page again instead of reusing unchanged ones from the cache folder.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { takeAstroFolderLock } from './lib/astroFolderLock.ts';
import { LEAN_NODE_FLAGS } from './lib/leanNodeFlags.ts';
import { runAstroBuildWithProgress } from './lib/buildProgress.ts';
import { removeInBackground, removeLeftovers } from './lib/removeInBackground.ts';
import { buildServiceWorker, printServiceWorkerReport } from './lib/buildServiceWorker.ts';
import { checkContentDir } from '../src/lib/contentCheck/checkContent-fs.ts';
import { CHECK_CACHE_FILE, checkerVersion, loadCheckCache, saveCheckCache } from '../src/lib/contentCheck/checkCache-fs.ts';
import { formatProblems, formatSummary } from '../src/lib/contentCheck/formatReport.ts';
import { hasErrors } from '../src/lib/contentCheck/problem.ts';
import { buildSearchIndex } from '../src/lib/search/buildSearchIndex-fs.ts';
import { SEARCH_SOURCES_FILE } from '../src/lib/search/searchSources-fs.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean', default: false } } });
const outDir = path.resolve(values.out ?? process.env.ARCHIVE_DIST_DIR ?? 'dist');
// Fixed names, not per process: Astro bakes outDir into the astro:assets
// module, whose code is in the dependency hash of every article page (it
// imports getImage); a new name each build made the incremental cache restore
// no page. The folder lock below keeps two builds out of them.
const tmpDir = `${outDir}.tmp`;
// The replaced site is moved here and deleted in the background; a unique
// name, since the previous build's deletion may still be running.
const OLD_SUFFIX = '.old';
const oldDir = `${outDir}${OLD_SUFFIX}-${process.pid}`;
const astroBin = path.resolve('node_modules/astro/bin/astro.mjs');
/** The search index is written here while Astro writes tmpDir, and moved in when both are done. */
const searchDir = `${outDir}.search`;
/** How often to look whether Astro's content sync has written the articles' texts. */
const SOURCES_POLL_MS = 200;

const started = performance.now();
/** Files this build writes are at least this new (a file time, in ms). */
const buildStartedAt = Date.now();

/** Stops the build with a readable message; the previous output is not touched. */
function fail(message: string): never {
  console.error(message);
  console.error(`\n构建失败，已保留原有的 ${path.relative(process.cwd(), outDir) || outDir}/。`);
  console.error(`Build failed; the previous ${path.basename(outDir)}/ is untouched.`);
  process.exit(1);
}

// One build at a time in this project folder: Astro's generated modules in
// .astro/ and the fixed staging folders are shared (scripts/lib/astroFolderLock.ts).
// Released when this process exits.
await takeAstroFolderLock({
  onWait: () => console.log('本项目中另一个构建正在进行，等待它结束… / Waiting for another build in this project folder…'),
});
// A build that was killed leaves its staging folders behind; they are stale.
rmSync(tmpDir, { recursive: true, force: true });
rmSync(searchDir, { recursive: true, force: true });
removeLeftovers(outDir, OLD_SUFFIX);

// Imported here, not at the top, so a bad setting is reported, not thrown.
const siteConfig = await import('../src/config.ts').then(
  (module) => module.siteConfig,
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
// Astro fills import.meta.env.DEV/MODE/PROD from variables of the same name
// when they are set (vitest sets DEV=1, MODE=test), and NODE_ENV decides the
// rest: an inherited value would build a development site that publishes drafts.
const { DEV, PROD, MODE, SSR, BASE_URL, ...inherited } = process.env;
// NODE_ENV=production: with NODE_ENV=test or development (CI runners, vitest)
// Astro builds in dev mode, and dev mode publishes drafts.
const buildEnv = { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

const cacheDir = path.resolve(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro');

// Astro starts now and the check runs meanwhile (about 6 s for 20,000
// articles, under a second when few changed). The check runs in this
// process and holds its event loop, so its report prints before any of
// Astro's output.
const stopAstro = new AbortController();
const astroStatus = runAstroBuildWithProgress({
  command: process.execPath,
  args: [...LEAN_NODE_FLAGS, astroBin, 'build', ...(values.full ? ['--force'] : [])],
  env: { ...buildEnv, ARCHIVE_OUT_DIR: tmpDir, ARCHIVE_SEARCH_INDEX_EXTERNAL: '1' },
  contentDir: siteConfig.contentDir,
  cacheDir,
  signal: stopAstro.signal,
});

// Unchanged articles keep their last result (checkCache-fs.ts).
const checkCacheFile = path.join(cacheDir, CHECK_CACHE_FILE);
const checker = checkerVersion();
const checkCache = loadCheckCache(checkCacheFile, checker);
const report = checkContentDir(siteConfig.contentDir, { cache: checkCache });
saveCheckCache(checkCacheFile, checkCache, checker);
if (report.problems.length > 0) {
  const output = `${formatProblems(report.problems)}\n\n${formatSummary(report)}`;
  if (hasErrors(report.problems)) {
    stopAstro.abort();
    await astroStatus;
    rmSync(tmpDir, { recursive: true, force: true });
    fail(output);
  }
  console.warn(output);
}

// The search index, from the articles' visible texts that Astro's content
// sync stores (src/lib/search/searchSourcesLoader.ts). It is written in this
// process as soon as the sync has written them, while Astro renders the
// pages: the index uses the second core (issue #8), and Astro's memory is
// past its content-sync peak by then.
const sourcesFile = path.join(cacheDir, SEARCH_SOURCES_FILE);
const astroDone = astroStatus.then((status) => ({ status }));
const searchIndex = (async () => {
  // The file of an earlier build is not this build's: wait for the sync to rewrite it.
  const fresh = () => (statSync(sourcesFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= buildStartedAt;
  while (!fresh()) {
    const astro = await Promise.race([astroDone, delay(SOURCES_POLL_MS)]);
    if (astro && !fresh()) {
      // Astro failed or was stopped before its content sync ended.
      if (astro.status !== 0) return undefined;
      throw new Error(`Astro 没有写出文章文本 ${sourcesFile} / Astro's content sync did not write the articles' texts`);
    }
  }
  const indexStarted = performance.now();
  const stats = await buildSearchIndex({ sourcesFile, outDir: searchDir, cacheDir, maxFragments: siteConfig.searchMaxFragments });
  const seconds = ((performance.now() - indexStarted) / 1000).toFixed(1);
  console.log(`检索索引：${stats.articles} 篇，新写 ${stats.written} 个文件，未变复用 ${stats.reused} 个（${seconds} 秒）`);
  return stats;
})().catch((error: unknown) => {
  // An index error stops Astro at once: its pages would not be used.
  stopAstro.abort();
  return error instanceof Error ? error : new Error(String(error));
});

const astroExit = await astroStatus;
const indexResult = await searchIndex;
if (indexResult instanceof Error) {
  rmSync(tmpDir, { recursive: true, force: true });
  rmSync(searchDir, { recursive: true, force: true });
  fail(`检索索引构建出错 / Building the search index failed: ${indexResult.message}`);
}
if (astroExit !== 0 || !indexResult) {
  rmSync(tmpDir, { recursive: true, force: true });
  rmSync(searchDir, { recursive: true, force: true });
  fail('Astro 构建出错，详见上方输出。 / Astro reported an error above.');
}
renameSync(searchDir, path.join(tmpDir, 'pagefind'));

// Offline support reads the finished site, Pagefind index included.
try {
  printServiceWorkerReport(await buildServiceWorker(tmpDir));
} catch (error) {
  rmSync(tmpDir, { recursive: true, force: true });
  fail(`离线支持（Service Worker）生成失败 / Building the service worker failed: ${(error as Error).message}`);
}

if (existsSync(outDir)) renameSync(outDir, oldDir);
renameSync(tmpDir, outDir);
if (existsSync(oldDir)) removeInBackground(oldDir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n构建完成：${path.relative(process.cwd(), outDir) || outDir}/（${seconds} 秒）`);
