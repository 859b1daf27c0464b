/**
 * Post-build step (scripts/build.ts, after Pagefind has written its index):
 * writes offline-manifest.json and sw.js into the built folder. The worker is
 * src/offline/sw.ts bundled by esbuild, then given its precache list by
 * workbox-build's injectManifest. Node-only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OfflineManifest } from '../offline/archiveManifest.ts';
import { planOffline, writeOfflineManifest, type OfflinePlan, type OfflinePlanOptions } from './offlineManifest.ts';

const SW_SOURCE = fileURLToPath(new URL('../offline/sw.ts', import.meta.url));

export interface ServiceWorkerReport {
  manifest: OfflineManifest;
  /** Files and bytes the worker precaches on the first visit. */
  precachedFiles: number;
  precachedBytes: number;
  hostOnly: OfflinePlan['hostOnly'];
  warnings: string[];
}

/**
 * Writes sw.js and offline-manifest.json into `outDir` (a built site).
 * The options come from the caller's parsed settings (siteConfig), so a bad
 * setting is reported by scripts/build.ts, not thrown while importing this.
 */
export async function buildServiceWorker(outDir: string, options: OfflinePlanOptions): Promise<ServiceWorkerReport> {
  const plan = await planOffline(outDir, options);
  writeOfflineManifest(outDir, plan.manifest);
  const precached = plan.manifest.autoSaved ? [...plan.shell, ...plan.archive] : plan.shell;
  const workDir = mkdtempSync(path.join(tmpdir(), 'archive-sw-'));
  try {
    const bundled = path.join(workDir, 'sw.js');
    // Imported here: the build's process holds them only for this last stage, not beside Astro's pages.
    const { build } = await import('esbuild');
    await build({
      entryPoints: [SW_SOURCE],
      outfile: bundled,
      bundle: true,
      format: 'iife',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      define: { __ARCHIVE_VERSION__: JSON.stringify(plan.manifest.version), 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    // The precache list comes from the plan, which has already read and
    // hashed every file: letting workbox glob the site would hash all of it
    // again (about 10 s for a 20,000-article archive), only to keep the shell.
    // The module itself, not the package's index: the index also loads
    // generateSW's Rollup and Babel, 0.6 s of every build's CPU for nothing
    // here (0.73 s against 0.11 s to import). The package has no "exports"
    // map, so the path is public; if it moves, every build fails here.
    const { injectManifest } = await import('workbox-build/build/inject-manifest.js');
    const result = await injectManifest({
      swSrc: bundled,
      swDest: path.join(outDir, 'sw.js'),
      globDirectory: outDir,
      globPatterns: [],
      additionalManifestEntries: precached.map((file) => ({
        url: file.url,
        // Astro puts a content hash in every /_astro/ name: no revision needed.
        revision: file.file.startsWith('_astro/') ? null : file.revision,
      })),
    });
    return {
      manifest: plan.manifest,
      precachedFiles: precached.length,
      precachedBytes: precached.reduce((total, file) => total + file.size, 0),
      hostOnly: plan.hostOnly,
      warnings: result.warnings,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line for the build log: what the first visit costs and what a full save costs. */
export function printServiceWorkerReport(report: ServiceWorkerReport, seconds?: number): void {
  const { manifest } = report;
  for (const warning of report.warnings) console.warn(`离线支持警告：${warning}`);
  console.log(
    `离线支持：应用外壳 ${kib(manifest.shellBytes)}；整个档案 ${manifest.files.length} 个文件 ${kib(manifest.totalBytes)}` +
      `（${manifest.autoSaved ? '较小，首次访问即整体保存' : '可在 /offline/ 页面保存'}）；` +
      `首次访问预缓存 ${report.precachedFiles} 个文件 ${kib(report.precachedBytes)}；版本 ${manifest.version}` +
      (seconds === undefined ? '' : `（${seconds.toFixed(1)} 秒）`),
  );
  for (const { file, reason } of report.hostOnly) console.log(`  离线副本不含 ${file}：${reason}`);
}
