/**
 * Saves the whole archive into this build's pages cache, the same cache the
 * service worker serves from when offline, so every saved page and index file
 * works with the network off. Files already in the cache are skipped, which is
 * what makes a cancelled save resume where it stopped.
 */
import { MANIFEST_FILE, type OfflineManifest } from './archiveManifest.ts';
import { cacheKeyOf, pagesCacheName, precacheName } from './cacheNames.ts';
import { storeAll, storeFile, type StoreFailure } from './storeFile.ts';

export interface SaveProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface SaveResult extends SaveProgress {
  /** Each file that could not be saved, and why (after retrying what may pass). */
  failures: StoreFailure[];
  cancelled: boolean;
  /** The server now has another build: this manifest's files are no longer all there. */
  outdated: boolean;
}

/** The archive as one build describes it, with absolute URLs. */
export class ArchiveCopy {
  readonly scope: string;
  readonly manifest: OfflineManifest;

  constructor(scope: string, manifest: OfflineManifest) {
    this.scope = scope;
    this.manifest = manifest;
  }

  /** Fetches offline-manifest.json (from the network, or the cache when offline). */
  static async load(scope: string): Promise<ArchiveCopy> {
    const response = await fetch(new URL(MANIFEST_FILE, scope), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${MANIFEST_FILE}: HTTP ${response.status}`);
    return new ArchiveCopy(scope, (await response.json()) as OfflineManifest);
  }

  /** The same archive with the page scans' tiles added to what is saved. */
  withScans(): ArchiveCopy {
    const scans = this.manifest.scans;
    if (!scans) return this;
    const { files, totalBytes } = this.manifest;
    return new ArchiveCopy(this.scope, { ...this.manifest, files: [...files, ...scans.files], totalBytes: totalBytes + scans.totalBytes });
  }

  get cacheName(): string {
    return pagesCacheName(this.scope, this.manifest.version);
  }

  private urlOf(file: { url: string }): string {
    return new URL(file.url, this.scope).href;
  }

  /** Which files are already on this device (in the pages cache or the precache). */
  async savedUrls(): Promise<Set<string>> {
    const saved = new Set<string>();
    for (const name of [this.cacheName, precacheName(this.scope)]) {
      if (!(await caches.has(name))) continue;
      for (const request of await (await caches.open(name)).keys()) saved.add(cacheKeyOf(request.url));
    }
    return saved;
  }

  /** Counts and bytes already saved. */
  async progress(saved?: Set<string>): Promise<SaveProgress> {
    const have = saved ?? (await this.savedUrls());
    const done = this.manifest.files.filter((file) => have.has(this.urlOf(file)));
    return {
      files: done.length,
      totalFiles: this.manifest.files.length,
      bytes: done.reduce((total, file) => total + file.size, 0),
      totalBytes: this.manifest.totalBytes,
    };
  }

  /**
   * Downloads every file not yet saved, a few at a time, reporting progress
   * after each. A file that fails does not stop the others; the result says
   * which failed and why. Aborting the signal stops it; what was saved stays saved.
   */
  async save(options: { signal: AbortSignal; onProgress: (progress: SaveProgress) => void; concurrency?: number }): Promise<SaveResult> {
    const saved = await this.savedUrls();
    const progress = await this.progress(saved);
    const queue = this.manifest.files.filter((file) => !saved.has(this.urlOf(file)));
    const cache = await caches.open(this.cacheName);
    options.onProgress({ ...progress });

    const failures = await storeAll(
      queue,
      async (file) => {
        // no-store: the service worker leaves these to us instead of caching them a second time.
        const failure = await storeFile(cache, this.urlOf(file), { cache: 'no-store', revision: file.revision, signal: options.signal });
        if (failure) return failure;
        progress.files += 1;
        progress.bytes += file.size;
        options.onProgress({ ...progress });
        return undefined;
      },
      options.concurrency ?? 6,
      options.signal,
    );
    const cancelled = options.signal.aborted;
    return { ...progress, failures: cancelled ? [] : failures, cancelled, outdated: !cancelled && (await this.isOutdated(failures)) };
  }

  /** After files changed or went missing (404), whether the server has since been given another build. */
  private async isOutdated(failures: StoreFailure[]): Promise<boolean> {
    if (failures.some((failure) => failure.reason === 'changed')) return true;
    if (!failures.some((failure) => failure.status === 404)) return false;
    const current = await ArchiveCopy.load(this.scope).catch(() => undefined);
    return current !== undefined && current.manifest.version !== this.manifest.version;
  }

  /** Deletes the saved copy of this build (the app shell stays, so the site still opens). */
  async remove(): Promise<void> {
    await caches.delete(this.cacheName);
  }
}
