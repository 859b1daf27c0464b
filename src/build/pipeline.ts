/**
 * The archive's build as named stages: check → pages → index → offline,
 * then the finished site is swapped in. `scripts/build.ts` is its command
 * line; the stages return results and never exit the process, so the
 * command (or a test) decides what to print and which exit code to give.
 *
 * The stages overlap where the machine allows (docs/architecture.md):
 * the index starts first in its own process, Astro starts next, and the
 * check runs in this process meanwhile; a failing check stops both and
 * nothing of them is kept. Offline support reads the finished site.
 *
 * A failed build never touches the previous output folder: everything is
 * written to `<out>.tmp` and `<out>.search` and renamed into place at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { takeAstroFolderLock } from './astroFolderLock.ts';
import { LEAN_NODE_FLAGS } from './leanNodeFlags.ts';
import { runAstroBuildWithProgress } from './buildProgress.ts';
import { removeInBackground, removeLeftovers } from './removeInBackground.ts';
import { buildServiceWorker, printServiceWorkerReport } from './buildServiceWorker.ts';
import { PHOTO_CACHE_FILE } from '../lib/checkPhotos-fs.ts';
import { checkContent } from '../lib/contentCheck/checkContent-fs.ts';
import { CHECK_CACHE_FILE, checkerVersion, loadCheckCache, saveCheckCache } from '../lib/contentCheck/checkCache-fs.ts';
import { formatProblems, formatSummary } from '../lib/contentCheck/formatReport.ts';
import { hasErrors } from '../lib/contentCheck/problem.ts';
import { checkPages } from '../lib/scans/checkPages-fs.ts';

/** The build stages, in the order their results are needed. */
export type BuildStage = 'check' | 'pages' | 'index' | 'offline';

export interface BuildRequest {
  /** Where the finished site goes (replaced only when every stage succeeded). */
  outDir: string;
  /** Folder of the Markdown articles. */
  contentDir: string;
  /** Folder of the printed pages (page files, scans, OCR text). */
  pagesDir: string;
  /** Astro's cache and the build's caches, kept between builds. */
  cacheDir: string;
  /** Render every page again instead of reusing unchanged ones. */
  full?: boolean;
  /** The environment the stage processes start from. */
  env?: NodeJS.ProcessEnv;
  /** Archives up to this size are saved whole on a reader's first visit (OFFLINE_AUTOSAVE_MAX_KB). */
  offlineAutoSaveMaxBytes: number;
}

export type BuildResult =
  | { ok: true; outDir: string; seconds: number }
  | { ok: false; stage: BuildStage; message: string };

const ASTRO_BIN = path.resolve('node_modules/astro/bin/astro.mjs');
const INDEX_SCRIPT = path.resolve(import.meta.dirname, 'searchIndexProcess.ts');
// The replaced site is moved here and deleted in the background; a unique
// name, since the previous build's deletion may still be running.
const OLD_SUFFIX = '.old';

/**
 * Astro fills import.meta.env.DEV/MODE/PROD from variables of the same name
 * when they are set (vitest sets DEV=1, MODE=test), and with NODE_ENV=test
 * or development (CI runners, vitest) Astro builds in dev mode, which
 * publishes drafts. So the stages get these removed and NODE_ENV=production.
 */
function stageEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DEV, PROD, MODE, SSR, BASE_URL, ...inherited } = env;
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
}

/** index: the search index, built from the Markdown sources in a process of its own. */
function startIndex(searchDir: string, env: NodeJS.ProcessEnv) {
  // The longest step on large archives, so it runs while Astro renders the
  // pages: the two cores work at once (issue #8). Once Astro has finished,
  // closing its stdin lets it build two shards at a time (--second-worker):
  // the cores are free and Astro's memory is given back by then.
  const child: ChildProcess = spawn(process.execPath, [...LEAN_NODE_FLAGS, INDEX_SCRIPT, '--out', searchDir, '--second-worker'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  });
  // The index may have finished and closed its end first.
  child.stdin!.on('error', () => {});
  const status = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    status,
    /** Its output is shown only once the check has passed. */
    showOutput: () => {
      child.stdout!.pipe(process.stdout);
      child.stderr!.pipe(process.stderr);
    },
    releaseSecondWorker: () => child.stdin!.end(),
    stop: () => {
      if (child.exitCode === null) child.kill();
      rmSync(searchDir, { recursive: true, force: true });
    },
  };
}

/** pages: Astro renders every page into the staging folder. */
function startPages(request: BuildRequest, tmpDir: string, env: NodeJS.ProcessEnv) {
  const stop = new AbortController();
  const status = runAstroBuildWithProgress({
    command: process.execPath,
    args: [...LEAN_NODE_FLAGS, ASTRO_BIN, 'build', ...(request.full ? ['--force'] : [])],
    // Read back by src/config.ts (toolSettings.astroOutDir, searchIndexExternal).
    env: { ...env, ARCHIVE_OUT_DIR: tmpDir, ARCHIVE_SEARCH_INDEX_EXTERNAL: '1' },
    contentDir: request.contentDir,
    cacheDir: request.cacheDir,
    signal: stop.signal,
  });
  return { status, stop: () => stop.abort(), stopped: () => stop.signal.aborted };
}

/**
 * check: every article with the rules and messages of `npm run check:content`.
 * Unchanged articles keep their last result (checkCache-fs.ts). It runs in
 * this process; the file checks hold its event loop (about 6 s for 20,000
 * articles), so their report prints before Astro's output; only decoding
 * changed photos (asynchronous, in sharp) may let Astro's first lines through.
 */
async function runCheck(request: BuildRequest): Promise<{ failed: boolean; output?: string }> {
  const cacheFile = path.join(request.cacheDir, CHECK_CACHE_FILE);
  const checker = checkerVersion();
  const cache = loadCheckCache(cacheFile, checker);
  // Photos are decoded too, as Astro will, so a damaged one stops the build
  // here with the check's message rather than in Astro with a stack trace.
  const report = await checkContent(request.contentDir, { cache, photoCache: path.join(request.cacheDir, PHOTO_CACHE_FILE) });
  // The printed pages (page files, scans, articles' regions): src/lib/scans/checkPages-fs.ts.
  report.problems.push(...(await checkPages(request.pagesDir, request.contentDir)));
  saveCheckCache(cacheFile, cache, checker);
  if (report.problems.length === 0) return { failed: false };
  return { failed: hasErrors(report.problems), output: `${formatProblems(report.problems)}\n\n${formatSummary(report)}` };
}

/** Runs the stages; the previous output stays as it was unless every one succeeded. */
export async function buildArchive(request: BuildRequest): Promise<BuildResult> {
  const started = performance.now();
  const outDir = path.resolve(request.outDir);
  // Fixed names, not per process: Astro bakes outDir into the astro:assets
  // module, whose code is in the dependency hash of every article page (it
  // imports getImage); a new name each build made the incremental cache
  // restore no page. The folder lock keeps two builds out of them.
  const tmpDir = `${outDir}.tmp`;
  const searchDir = `${outDir}.search`;
  const env = stageEnv(request.env ?? process.env);

  // One build at a time in this project folder: Astro's generated modules in
  // .astro/ and the staging folders are shared (astroFolderLock.ts).
  const lock = await takeAstroFolderLock({
    onWait: () => console.log('本项目中另一个构建正在进行，等待它结束… / Waiting for another build in this project folder…'),
  });
  const index = startIndex(searchDir, env);
  const dropStaging = () => {
    index.stop();
    rmSync(tmpDir, { recursive: true, force: true });
  };
  const failed = (stage: BuildStage, message: string): BuildResult => {
    dropStaging();
    return { ok: false, stage, message };
  };
  try {
    // A build that was killed leaves its staging folders behind; they are stale.
    rmSync(tmpDir, { recursive: true, force: true });
    removeLeftovers(outDir, OLD_SUFFIX);
    const pages = startPages(request, tmpDir, env);

    const check = await runCheck(request);
    if (check.failed) {
      pages.stop();
      await pages.status;
      return failed('check', check.output!);
    }
    if (check.output) console.warn(check.output);

    index.showOutput();
    // Either one failing stops the other at once: an Astro error does not
    // wait for the index's remaining shards, nor an index error for Astro's pages.
    void index.status.then((status) => {
      if (status !== 0) pages.stop();
    });
    const pagesExit = await pages.status;
    if (pagesExit !== 0 && !pages.stopped()) return failed('pages', 'Astro 构建出错，详见上方输出。 / Astro reported an error above.');
    index.releaseSecondWorker();
    if ((await index.status) !== 0) return failed('index', '检索索引构建出错，详见上方输出。 / Building the search index failed, see above.');
    renameSync(searchDir, path.join(tmpDir, 'pagefind'));

    // offline: the service worker and offline manifest read the finished site, index included.
    try {
      printServiceWorkerReport(await buildServiceWorker(tmpDir, { autoSaveMaxBytes: request.offlineAutoSaveMaxBytes }));
    } catch (error) {
      return failed('offline', `离线支持（Service Worker）生成失败 / Building the service worker failed: ${(error as Error).message}`);
    }

    const oldDir = `${outDir}${OLD_SUFFIX}-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, oldDir);
    renameSync(tmpDir, outDir);
    if (existsSync(oldDir)) removeInBackground(oldDir);
    return { ok: true, outDir, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    // A bug, not a content error: nothing half-built is left behind, and the caller sees it.
    dropStaging();
    throw error;
  } finally {
    lock.release();
  }
}
