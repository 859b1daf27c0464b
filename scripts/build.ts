/**
 * `npm run build`: builds the archive into a temporary folder and swaps it in
 * only when everything succeeded, so a failed build never destroys the last
 * good `dist/`.
 *
 * Options: --out <folder> (default: dist, or ARCHIVE_DIST_DIR); --full renders
 * every page again instead of reusing unchanged ones from the cache folder.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '../src/config.ts';
import { runAstroBuildWithProgress } from './lib/buildProgress.ts';
import { buildServiceWorker, printServiceWorkerReport } from './lib/buildServiceWorker.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean', default: false } } });
const outDir = path.resolve(values.out ?? process.env.ARCHIVE_DIST_DIR ?? 'dist');
const tmpDir = `${outDir}.tmp-${process.pid}`;
const oldDir = `${outDir}.old-${process.pid}`;
const astroBin = path.resolve('node_modules/astro/bin/astro.mjs');

const started = performance.now();
const status = await runAstroBuildWithProgress({
  command: process.execPath,
  args: [astroBin, 'build', ...(values.full ? ['--force'] : [])],
  // NODE_ENV=production: with NODE_ENV=test or development (CI runners, vitest)
  // Astro builds in dev mode, and dev mode publishes drafts.
  env: { ...process.env, ARCHIVE_OUT_DIR: tmpDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  contentDir: siteConfig.contentDir,
  cacheDir: path.resolve(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro'),
});

if (status !== 0) {
  rmSync(tmpDir, { recursive: true, force: true });
  console.error(`\n构建失败，已保留原有的 ${path.relative(process.cwd(), outDir) || outDir}/。`);
  console.error(`Build failed; the previous ${path.basename(outDir)}/ is untouched.`);
  process.exit(1);
}

// Offline support reads the finished site, Pagefind index included.
try {
  printServiceWorkerReport(await buildServiceWorker(tmpDir));
} catch (error) {
  rmSync(tmpDir, { recursive: true, force: true });
  throw error;
}

if (existsSync(outDir)) renameSync(outDir, oldDir);
renameSync(tmpDir, outDir);
rmSync(oldDir, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n构建完成：${path.relative(process.cwd(), outDir) || outDir}/（${seconds} 秒）`);
