/**
 * Decides, for a built site, which files form the app shell (precached by the
 * service worker on the first visit) and which form the rest of the archive
 * (saved on request from /offline/), and writes the archive's list with sizes
 * so the offline page can show the total before downloading anything.
 * Node-only (file system).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, type OfflineManifest } from '../offline/archiveManifest.ts';
import { fileRevision } from './fileRevision.ts';
import { hostOnlyReason } from './hostOnlyFiles.ts';

/**
 * The shell: Astro's bundled CSS and scripts, the pages a reader needs before
 * any article (home, search, offline, 404), the search page's unbundled
 * Pagefind starter, and Pagefind's runtime (its loader, wasm and entry file;
 * not its worker script, which the search page does not use:
 * src/search/pagefindApi.ts). The index's metadata (pf_meta),
 * chunks and fragments are not shell: they are the archive, and grow with
 * it. The metadata lists every article, about 8 bytes each (53 KB measured
 * at 6,413 articles, so some 0.8 MB at 100,000): too much to fetch on every
 * first visit of any page.
 */
const SHELL_PATTERNS: RegExp[] = [
  /^_astro\/.+\.(?:css|js|mjs|woff2?)$/,
  /^(?:index|404)\.html$/,
  /^(?:search|offline)\/index\.html$/,
  /^search\/start-pagefind\.js$/,
  /^theme-init\.js$/,
  /^pagefind\/(?:pagefind\.js|pagefind-entry\.json|wasm\.[^/]+\.pagefind)$/,
];

/**
 * Pagefind also writes its optional UI bundles; our search page uses its own
 * UI, so they are left out unless the shell actually refers to them.
 */
const PAGEFIND_UI = /^pagefind\/(pagefind-[\w-]*(?:ui|highlight)\.(?:js|css))$/;

/** Generated here, or useless to readers. */
/** A page scan's IIIF service (info.json and tiles): saved only when asked (src/offline/archiveManifest.ts). */
const isScanTile = (file: SiteFile) => /^iiif\/[^/]+\/\d+\//.test(file.file);

const isNeverSaved = (file: string) => file === 'sw.js' || file === MANIFEST_FILE || file.endsWith('.map');

export interface SiteFile {
  /** Path inside the built folder, with forward slashes: "2022/02/24/x/index.html". */
  file: string;
  /** The URL a reader requests, relative to the base path: "2022/02/24/x/". */
  url: string;
  size: number;
  /** src/offline/revision.ts of the content. */
  revision: string;
}

export interface OfflinePlan {
  shell: SiteFile[];
  archive: SiteFile[];
  /** Built files left out of the offline copy because hosts do not serve them, with the reason. */
  hostOnly: { file: string; reason: string }[];
  manifest: OfflineManifest;
}

export interface OfflinePlanOptions {
  /** An archive this small (pages plus search index) is precached whole on the first visit: OFFLINE_AUTOSAVE_MAX_KB. */
  autoSaveMaxBytes: number;
}

/** "a/b/index.html" → "a/b/", "index.html" → "./": the URL readers use for a folder page. */
export function readerUrl(file: string): string {
  if (file === 'index.html') return './';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function describe(root: string, file: string): SiteFile {
  const content = readFileSync(path.join(root, file));
  return { file, url: readerUrl(file), size: content.length, revision: fileRevision(content) };
}

const sum = (files: SiteFile[]) => files.reduce((total, file) => total + file.size, 0);

/** Reads the built folder and splits it into shell and archive; writes nothing. */
export async function planOffline(root: string, options: OfflinePlanOptions): Promise<OfflinePlan> {
  const hostOnly: OfflinePlan['hostOnly'] = [];
  const files = listFiles(root)
    .filter((file) => !isNeverSaved(file))
    .filter((file) => {
      const reason = hostOnlyReason(file);
      if (reason) hostOnly.push({ file, reason });
      return reason === undefined;
    })
    .map((file) => describe(root, file));
  const isShell = (file: SiteFile) => SHELL_PATTERNS.some((pattern) => pattern.test(file.file));
  const shell = files.filter(isShell);
  const shellText = shell
    .filter((file) => /\.(?:html|js|mjs)$/.test(file.file))
    .map((file) => readFileSync(path.join(root, file.file), 'utf8'))
    .join('\n');
  const isUnusedUi = (file: SiteFile) => {
    const name = PAGEFIND_UI.exec(file.file)?.[1];
    return name !== undefined && !shellText.includes(name);
  };
  const archive = files.filter((file) => !isShell(file) && !isUnusedUi(file) && !isScanTile(file));
  const scans = files.filter(isScanTile);
  const version = fileRevision(new TextEncoder().encode(files.map((file) => `${file.file} ${file.revision}`).join('\n')));
  const totalBytes = sum(archive);
  return {
    shell,
    archive,
    hostOnly,
    manifest: {
      version,
      autoSaved: totalBytes <= options.autoSaveMaxBytes,
      shellBytes: sum(shell),
      totalBytes,
      files: archive.map(({ url, size, revision }) => ({ url, size, revision })),
      ...(scans.length > 0 ? { scans: { totalBytes: sum(scans), files: scans.map(({ url, size, revision }) => ({ url, size, revision })) } } : {}),
    },
  };
}

/** Writes offline-manifest.json into the built folder. */
export function writeOfflineManifest(root: string, manifest: OfflineManifest): void {
  writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify(manifest));
}
