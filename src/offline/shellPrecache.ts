/**
 * The worker's precache of the app shell (and of a small archive whole),
 * kept in Workbox's precache (revisioned keys, old entries dropped on
 * activation) but filled by us: Workbox's own install stops at the first file
 * that fails, and then nothing at all works offline. Here each file is stored
 * on its own; what fails is reported and tried again on the next request for
 * the status (every page load online: src/offline/register.ts).
 */
import { PrecacheController, type PrecacheEntry } from 'workbox-precaching';
import type { ShellStatus } from './shellStatus.ts';
import { storeAll, storeFile } from './storeFile.ts';

/** Downloads at once while filling: few, so a first visit's own requests keep the bandwidth. */
const CONCURRENCY = 4;

/**
 * A key with Workbox's revision parameter names one version of an unhashed
 * file: bypass the HTTP cache, as Workbox does, and store only that version
 * (a retry after a deploy would otherwise keep the new content under the old key).
 */
function revisioned(key: string): { cache: RequestCache; revision?: string } {
  const revision = new URL(key).searchParams.get('__WB_REVISION__');
  return revision ? { cache: 'reload', revision } : { cache: 'default' };
}

export class ShellPrecache {
  private readonly controller = new PrecacheController();
  private filling: Promise<ShellStatus> | undefined;
  /** What the last fill found; once complete, page loads stop checking. */
  private last: ShellStatus | undefined;

  /** Call after setCacheNameDetails: the precache's name is fixed here. */
  constructor(entries: PrecacheEntry[]) {
    this.controller.addToCacheList(entries);
  }

  /** Stores every listed file not yet cached; a file that fails is a failure in the status, never a rejection. One fill runs at a time. */
  fill(): Promise<ShellStatus> {
    this.filling ??= this.fillGaps()
      .then((status) => (this.last = status))
      .finally(() => {
        this.filling = undefined;
      });
    return this.filling;
  }

  /** Fills again only when this worker's last fill left files missing (or it has not filled yet). */
  retry(): void {
    if (this.last?.failures.length !== 0) void this.fill();
  }

  private async fillGaps(): Promise<ShellStatus> {
    const cache = await caches.open(this.controller.strategy.cacheName);
    const have = new Set((await cache.keys()).map((request) => request.url));
    const wanted = [...this.controller.getURLsToCacheKeys()];
    const missing = wanted.filter(([, key]) => !have.has(key));
    const failures = await storeAll(missing, ([url, key]) => storeFile(cache, url, { key, ...revisioned(key) }), CONCURRENCY);
    for (const failure of failures) console.warn(`离线外壳文件未能保存：${failure.url}（${failure.status ?? failure.reason}）`);
    return { total: wanted.length, cached: wanted.length - failures.length, failures };
  }

  /** The precached copy of a URL or request, whatever its revision key. */
  match(request: string | Request): Promise<Response | undefined> {
    return this.controller.matchPrecache(request);
  }

  /** Drops precached files that this build no longer lists. */
  readonly activate = (event: ExtendableEvent): Promise<unknown> => this.controller.activate(event);
}
