/**
 * Builds the site for a test with the same command users run
 * (`node scripts/build.ts`), into tests/.tmp/<key>/dist, with its own Astro
 * cache so builds of different content never share state.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { processIsAlive } from '../../src/lib/processIsAlive.ts';

export interface BuildOptions {
  /** Names the build folder: tests/.tmp/<key>/ */
  key: string;
  contentDir?: string;
  basePath?: string;
  siteUrl?: string;
  env?: Record<string, string>;
}

export interface BuildResult {
  outDir: string;
  status: number | null;
  output: string;
}

const VITEST_ENV = new Set(['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']);

export const TMP_ROOT = path.resolve('tests/.tmp');
const SHARED_TILES = path.join(TMP_ROOT, 'page-tiles');

/** The build command of a test build: where it writes and the environment it runs in. */
function buildInvocation(options: BuildOptions): { outDir: string; args: string[]; env: Record<string, string> } {
  const root = path.join(TMP_ROOT, options.key);
  const outDir = path.join(root, 'dist');
  // Vitest puts DEV=1, MODE=test, NODE_ENV=test… into process.env of its
  // workers; Astro would read them as import.meta.env and build in dev mode
  // (drafts published). Users' builds never see them.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !VITEST_ENV.has(name) && !name.startsWith('VITEST')),
  ) as Record<string, string>;
  const env: Record<string, string> = {
    ...inherited,
    ARCHIVE_CACHE_DIR: path.join(root, 'astro-cache'),
    ...(options.contentDir ? { ARCHIVE_CONTENT_DIR: options.contentDir } : {}),
    ...(options.basePath ? { BASE_PATH: options.basePath } : {}),
    ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    ...options.env,
  };
  shareTileCache(env.ARCHIVE_CACHE_DIR!);
  return { outDir, args: ['scripts/build.ts', '--out', outDir], env };
}

// CI forces colour (FORCE_COLOR), and Astro then wraps each path in ANSI
// codes; tests read the output as plain text.
const plainOutput = (stdout: string, stderr: string) => stripVTControlCharacters(`${stdout}\n${stderr}`);

export function runBuild(options: BuildOptions): BuildResult {
  const { outDir, args, env } = buildInvocation(options);
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  return { outDir, status: result.status, output: plainOutput(result.stdout, result.stderr) };
}

/**
 * runBuild without blocking the test's process: servers the test runs keep
 * answering while it builds, as a host keeps serving the old site during a deploy.
 */
export function runBuildInBackground(options: BuildOptions): Promise<BuildResult> {
  const { outDir, args, env } = buildInvocation(options);
  const child = spawn(process.execPath, args, { env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ outDir, status, output: plainOutput(stdout, stderr) }));
  });
}

/**
 * Every test build cuts the printed pages' tiles into one folder: the seed's
 * page is the same in most builds, cutting it takes seconds, and the tile
 * cache is keyed by the image's content hash (src/lib/scans/scanImages-fs.ts),
 * so sharing it changes no build's output.
 */
function shareTileCache(cacheDir: string): void {
  const link = path.join(cacheDir, 'page-tiles');
  if (existsSync(link)) return;
  mkdirSync(SHARED_TILES, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  symlinkSync(SHARED_TILES, link, 'dir');
}

/** Builds and throws with the build's own output when it fails. */
export function buildSite(options: BuildOptions): string {
  const result = runBuild(options);
  if (result.status !== 0) throw new Error(`Build "${options.key}" failed:\n${result.output}`);
  return result.outDir;
}

/**
 * Builds a site once per test run: the first caller builds it (or writes its
 * content first with makeContent), the others wait for it and read the same
 * dist/. A build that failed fails every caller with its output, once.
 */
export async function buildOnce(options: BuildOptions, run: string, makeContent?: () => Promise<string>): Promise<string> {
  const root = path.join(TMP_ROOT, options.key);
  const marker = path.join(root, 'built-in-run.json');
  const lock = path.join(TMP_ROOT, `${options.key}.lock`);
  const wanted = JSON.stringify({ run, options });
  mkdirSync(TMP_ROOT, { recursive: true });
  await takeLock(lock);
  try {
    const done = readMarker(marker);
    if (done?.wanted !== wanted) {
      const contentDir = makeContent ? await makeContent() : options.contentDir;
      const result = runBuild({ ...options, contentDir });
      mkdirSync(root, { recursive: true });
      writeFileSync(marker, JSON.stringify({ wanted, ...result }));
    }
    const built = readMarker(marker)!;
    if (built.status !== 0) throw new Error(`Build "${options.key}" failed:\n${built.output}`);
    return built.outDir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What the build of buildOnce printed, for a test that reads the build's messages. */
export function outputOfBuildOnce(key: string): string {
  const built = readMarker(path.join(TMP_ROOT, key, 'built-in-run.json'));
  if (!built) throw new Error(`Build "${key}" has not run in this test run`);
  return built.output;
}

function readMarker(file: string): (BuildResult & { wanted: string }) | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A folder as a lock between test workers; its pid file lets a crashed holder's lock be taken over. */
async function takeLock(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // No pid yet: the holder is between mkdir and writing it.
    const holder = lockHolder(lock);
    if (holder && !processIsAlive(holder)) rmSync(lock, { recursive: true, force: true });
    await sleep(250);
  }
}

function lockHolder(lock: string): number {
  try {
    return Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return 0;
  }
}
