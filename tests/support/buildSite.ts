/**
 * Builds the site for a test with the same command users run
 * (`node scripts/build.ts`), into tests/.tmp/<key>/dist, with its own Astro
 * cache so builds of different content never share state.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

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

export const TMP_ROOT = path.resolve('tests/.tmp');

export function runBuild(options: BuildOptions): BuildResult {
  const root = path.join(TMP_ROOT, options.key);
  const outDir = path.join(root, 'dist');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ARCHIVE_CACHE_DIR: path.join(root, 'astro-cache'),
    ...(options.contentDir ? { ARCHIVE_CONTENT_DIR: options.contentDir } : {}),
    ...(options.basePath ? { BASE_PATH: options.basePath } : {}),
    ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    ...options.env,
  };
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', outDir], { env, encoding: 'utf8' });
  return { outDir, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Builds and throws with the build's own output when it fails. */
export function buildSite(options: BuildOptions): string {
  const result = runBuild(options);
  if (result.status !== 0) throw new Error(`Build "${options.key}" failed:\n${result.output}`);
  return result.outDir;
}
