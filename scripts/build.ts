/**
 * `npm run build`: builds the archive (check → pages → index → offline,
 * src/build/pipeline.ts) into a temporary folder and swaps it in only when
 * everything succeeded, so a failed build never destroys the last good `dist/`.
 * Any content error stops the build with the messages of
 * `npm run check:content`, never a stack trace.
 *
 * Options: --out <folder> (default: dist, or ARCHIVE_DIST_DIR); --full renders
 * every page again instead of reusing unchanged ones from the cache folder.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean', default: false } } });

function stop(message: string, outDir: string): never {
  console.error(message);
  console.error(`\n构建失败，已保留原有的 ${path.relative(process.cwd(), outDir) || outDir}/。`);
  console.error(`Build failed; the previous ${path.basename(outDir)}/ is untouched.`);
  process.exit(1);
}

// Imported here, not at the top, so a bad setting is reported, not thrown
// (the pipeline's modules read the settings when they load).
const config = await import('../src/config.ts').catch((error: unknown) =>
  stop(error instanceof Error ? error.message : String(error), values.out ?? 'dist'),
);
// First, before the long part, so it is seen. Only here: dev and preview
// run on this machine, where the default address is right.
const siteUrlWarning = config.missingSiteUrlWarning(process.env);
if (siteUrlWarning) console.warn(`${siteUrlWarning}\n`);
const outDir = path.resolve(values.out ?? config.toolSettings.distDir);
const { buildArchive } = await import('../src/build/pipeline.ts');
const result = await buildArchive({
  outDir,
  contentDir: config.siteConfig.contentDir,
  pagesDir: config.siteConfig.pagesDir,
  cacheDir: path.resolve(config.toolSettings.cacheDir),
  full: values.full,
  offlineAutoSaveMaxBytes: config.siteConfig.offlineAutoSaveMaxBytes,
  searchMaxFragments: config.siteConfig.searchMaxFragments,
});
if (!result.ok) stop(result.message, outDir);
console.log(`\n构建完成：${path.relative(process.cwd(), result.outDir) || result.outDir}/（${result.seconds.toFixed(1)} 秒）`);
