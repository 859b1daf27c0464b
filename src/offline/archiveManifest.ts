/**
 * offline-manifest.json: written at build time by src/build/offlineManifest.ts,
 * read by the /offline/ page to show the total size and save every file.
 */

/** Its name at the site root. */
export const MANIFEST_FILE = 'offline-manifest.json';

export interface OfflineManifest {
  /** Changes whenever any served file changes; names the service worker's caches. */
  version: string;
  /** True when the archive is small enough to be precached whole with the shell. */
  autoSaved: boolean;
  /** Bytes the service worker precaches as the app shell on the first visit. */
  shellBytes: number;
  /** Bytes of every file in `files`. */
  totalBytes: number;
  /**
   * Every file of the archive outside the shell: pages, index chunks,
   * fragments, images. URLs are relative to the base path; the revision
   * (src/offline/revision.ts) lets a new build keep unchanged saved files.
   */
  files: { url: string; size: number; revision: string }[];
  /**
   * The page scans' zoomable tiles (iiif/<date>/<page>/): large, so saved
   * only when the reader asks on /offline/, which shows their size.
   */
  scans?: { totalBytes: number; files: { url: string; size: number; revision: string }[] };
}
