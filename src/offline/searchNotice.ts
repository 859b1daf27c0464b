/**
 * Offline awareness for the search page: when the service worker reports that
 * a search index file could be neither fetched nor found on this device, the
 * page says so plainly above the results instead of quietly showing fewer.
 * Kept apart from the search UI so either can change without the other.
 */
import { strings } from '../lib/strings.ts';
import { OFFLINE_CHANNEL, type IndexMissMessage } from './cacheNames.ts';
import { siteBase } from './siteBase.ts';


/** Starts listening; the notice is inserted at the top of `root` the first time an index file is missing. */
export function watchOfflineIndexMisses(root: HTMLElement): void {
  if (!('BroadcastChannel' in window)) return;
  const channel = new BroadcastChannel(OFFLINE_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<IndexMissMessage>) => {
    if (event.data?.type !== 'index-miss' || root.querySelector('[data-offline-search-notice]')) return;
    const notice = document.createElement('p');
    notice.className = 'offline-search-notice';
    notice.setAttribute('role', 'alert');
    notice.setAttribute('data-offline-search-notice', '');
    const link = document.createElement('a');
    link.href = `${siteBase}offline/`;
    link.textContent = strings.offlineLink;
    notice.append(strings.offlineSearchMissing, ' ', link);
    root.prepend(notice);
  });
}
