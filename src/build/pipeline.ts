/**
 * The archive's build as named stages: check → pages → index → offline,
 * then the finished site is swapped in. `scripts/build.ts` is its command
 * line; the stages return results and never exit the process, so the
 * command (or a test) decides what to print and which exit code to give.
 *
 * The stages overlap where the machine allows (docs/architecture.md):
 * Astro starts first and the check runs beside it; a failing check stops
 * Astro and nothing of it is kept. The index is written while Astro renders
 * the pages, as soon as Astro's content sync has stored the articles' texts.
 * The check and the index each run in a process of their own that ends with
 * its stage (stageProcess.ts). Offline support reads the finished site.
 *
 * A failed build never touches the previous output folder: everything is
 * written to `<out>.tmp` and `<out>.search` and renamed into place at the end.
 * `<out>.tmp` starts with the last build's unchanged pages (stagingFolder.ts).
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { takeAstroFolderLock } from './astroFolderLock.ts';
import { LEAN_NODE_FLAGS } from './leanNodeFlags.ts';
import { runAstroBuildWithProgress } from './buildProgress.ts';
import { removeLeftovers } from './removeInBackground.ts';
import { keepForNextBuild, prepareStaging, removeUnbuiltPages } from './stagingFolder.ts';
import { buildServiceWorker, printServiceWorkerReport } from './buildServiceWorker.ts';
import { runInStageProcess } from './stageProcess.ts';
import { SEARCH_SOURCES_FILE } from '../lib/search/searchSources-fs.ts';

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
  /** At most this many search fragment files (ARCHIVE_SEARCH_MAX_FRAGMENTS); undefined: one per article. */
  searchMaxFragments?: number;
  /** The environment the stage processes start from. */
  env?: NodeJS.ProcessEnv;
  /** Archives up to this size are saved whole on a reader's first visit (OFFLINE_AUTOSAVE_MAX_KB). */
  offlineAutoSaveMaxBytes: number;
}

export type BuildResult =
  | { ok: true; outDir: string; seconds: number }
  | { ok: false; stage: BuildStage; message: string };

const ASTRO_BIN = path.resolve('node_modules/astro/bin/astro.mjs');
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

/**
 * index: the search index (indexStage.ts), from the articles' visible texts
 * that Astro's content sync stores. It starts when Astro's page phase
 * begins, and runs beside the pages on the second core (issue #8). Not
 * earlier: Astro's process is at its largest while it bundles the content
 * store, just after the sync (docs/performance.md).
 */
function startIndex(request: BuildRequest, searchDir: string, pages: ReturnType<typeof startPages>, startedAt: number) {
  const sourcesFile = path.join(request.cacheDir, SEARCH_SOURCES_FILE);
  // The file of an earlier build is not this build's (written before startedAt): the sync rewrites it.
  const fresh = () => (statSync(sourcesFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= startedAt;
  let stopped = false;
  let stopProcess = () => {};
  const status = (async (): Promise<{ ok: true } | { ok: false; message?: string }> => {
    const pagesStatus = await Promise.race([pages.pagesStarted.then(() => undefined), pages.status]);
    if (stopped) return { ok: false };
    if (!fresh()) {
      // Astro failed or was stopped before its content sync ended: the pages stage says why.
      if (pagesStatus !== undefined && pagesStatus !== 0) return { ok: false };
      return { ok: false, message: `Astro 没有写出文章文本 ${sourcesFile} / Astro's content sync did not write the articles' texts` };
    }
    const run = runInStageProcess('index', { sourcesFile, outDir: searchDir, cacheDir: request.cacheDir, maxFragments: request.searchMaxFragments });
    stopProcess = run.stop;
    const line = await run.result.catch((error: unknown) => {
      if (stopped) return undefined;
      throw error;
    });
    if (line === undefined) return { ok: false };
    console.log(line);
    return { ok: true };
  })().catch((error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }));
  return {
    status,
    stop: () => {
      stopped = true;
      stopProcess();
      rmSync(searchDir, { recursive: true, force: true });
    },
  };
}

/** pages: Astro renders every page into the staging folder. */
function startPages(request: BuildRequest, tmpDir: string, env: NodeJS.ProcessEnv) {
  const stop = new AbortController();
  let onPagesStart = () => {};
  const pagesStarted = new Promise<void>((resolve) => (onPagesStart = resolve));
  const status = runAstroBuildWithProgress({
    onPagesStart,
    command: process.execPath,
    args: [...LEAN_NODE_FLAGS, ASTRO_BIN, 'build', ...(request.full ? ['--force'] : [])],
    // Read back by src/config.ts (toolSettings.astroOutDir, searchIndexExternal).
    env: { ...env, ARCHIVE_OUT_DIR: tmpDir, ARCHIVE_SEARCH_INDEX_EXTERNAL: '1' },
    contentDir: request.contentDir,
    cacheDir: request.cacheDir,
    signal: stop.signal,
  });
  return { status, pagesStarted, stop: () => stop.abort(), stopped: () => stop.signal.aborted };
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
  let index: ReturnType<typeof startIndex> | undefined;
  const dropStaging = () => {
    index?.stop();
    rmSync(searchDir, { recursive: true, force: true });
    rmSync(tmpDir, { recursive: true, force: true });
  };
  const failed = (stage: BuildStage, message: string): BuildResult => {
    index?.stop();
    rmSync(searchDir, { recursive: true, force: true });
    // Astro has stopped: its half-written folder is as good a start for the next build as any (stagingFolder.ts checks every page).
    if (existsSync(tmpDir)) keepForNextBuild(tmpDir, request.cacheDir);
    return { ok: false, stage, message };
  };
  try {
    // A build that was killed leaves its staging folders behind; they are stale.
    rmSync(tmpDir, { recursive: true, force: true });
    rmSync(searchDir, { recursive: true, force: true });
    removeLeftovers(outDir, OLD_SUFFIX);
    const prefilled = await prepareStaging(tmpDir, request.cacheDir, { full: request.full });
    // Files this build writes are at least this new (a file time, in ms).
    const pagesStartedAt = Date.now();
    const pages = startPages(request, tmpDir, env);

    // check: the rules and messages of `npm run check:content` (checkStage.ts).
    // A crash of its process is reported as the check's failure, with Astro stopped.
    const check = await runInStageProcess('check', { contentDir: request.contentDir, pagesDir: request.pagesDir, cacheDir: request.cacheDir }).result.catch(
      (error: unknown) => ({ failed: true, output: `内容检查出错 / The content check failed: ${error instanceof Error ? error.message : String(error)}` }),
    );
    if (check.failed) {
      pages.stop();
      await pages.status;
      return failed('check', check.output!);
    }
    if (check.output) console.warn(check.output);

    index = startIndex(request, searchDir, pages, pagesStartedAt);
    // An index error stops Astro at once: its pages would not be used.
    void index.status.then((result) => {
      if (!result.ok) pages.stop();
    });
    const pagesExit = await pages.status;
    const indexResult = await index.status;
    if (!indexResult.ok && indexResult.message) return failed('index', `检索索引构建出错 / Building the search index failed: ${indexResult.message}`);
    if (pagesExit !== 0 || !indexResult.ok) return failed('pages', 'Astro 构建出错，详见上方输出。 / Astro reported an error above.');
    removeUnbuiltPages(tmpDir, request.cacheDir, prefilled);
    renameSync(searchDir, path.join(tmpDir, 'pagefind'));

    // offline: the service worker and offline manifest read the finished site, index included.
    try {
      const offlineStarted = performance.now();
      const report = await buildServiceWorker(tmpDir, { autoSaveMaxBytes: request.offlineAutoSaveMaxBytes });
      printServiceWorkerReport(report, (performance.now() - offlineStarted) / 1000);
    } catch (error) {
      return failed('offline', `离线支持（Service Worker）生成失败 / Building the service worker failed: ${(error as Error).message}`);
    }

    const oldDir = `${outDir}${OLD_SUFFIX}-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, oldDir);
    renameSync(tmpDir, outDir);
    if (existsSync(oldDir)) keepForNextBuild(oldDir, request.cacheDir);
    return { ok: true, outDir, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    // A bug, not a content error: nothing half-built is left behind, and the caller sees it.
    dropStaging();
    throw error;
  } finally {
    lock.release();
  }
}
