/**
 * `npm run build`: builds the archive into a temporary folder and swaps it in
 * only when everything succeeded, so a failed build never destroys the last
 * good `dist/`.
 *
 * Options: --out <folder> (default: dist, or ARCHIVE_DIST_DIR).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(values.out ?? process.env.ARCHIVE_DIST_DIR ?? 'dist');
const tmpDir = `${outDir}.tmp-${process.pid}`;
const oldDir = `${outDir}.old-${process.pid}`;
const astroBin = path.resolve('node_modules/astro/bin/astro.mjs');

const searchDir = `${outDir}.search-${process.pid}`;

/** Runs a Node script in a child process; resolves with its exit code. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  return new Promise((resolve) => child.on('close', resolve));
}

const started = performance.now();
// The search index is built from the Markdown sources in its own process
// while Astro renders the pages: the two cores work at once (issue #8).
const [astroStatus, searchStatus] = await Promise.all([
  run([astroBin, 'build'], { ...process.env, ARCHIVE_OUT_DIR: tmpDir, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_SEARCH_INDEX_EXTERNAL: '1' }),
  run([path.resolve('scripts/build-search-index.ts'), '--out', searchDir], process.env),
]);
if (astroStatus === 0 && searchStatus === 0) renameSync(searchDir, path.join(tmpDir, 'pagefind'));

if (astroStatus !== 0 || searchStatus !== 0) {
  rmSync(tmpDir, { recursive: true, force: true });
  rmSync(searchDir, { recursive: true, force: true });
  console.error(`\n构建失败，已保留原有的 ${path.relative(process.cwd(), outDir) || outDir}/。`);
  console.error(`Build failed; the previous ${path.basename(outDir)}/ is untouched.`);
  process.exit(1);
}

if (existsSync(outDir)) renameSync(outDir, oldDir);
renameSync(tmpDir, outDir);
rmSync(oldDir, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n构建完成：${path.relative(process.cwd(), outDir) || outDir}/（${seconds} 秒）`);
