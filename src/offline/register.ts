/**
 * Runs on every page (OfflineSupport.astro): registers the archive's service
 * worker and shows the quiet offline indicator while the browser is offline.
 */
import { siteBase } from './siteBase.ts';

/**
 * Installing the worker precaches the offline shell (about 250 KB) at once.
 * On a first visit that would compete with the page's own downloads, so it
 * waits for `load`, and on the search page with a query, for the first
 * search to show its count ([data-search-count] set; docs/contributing.md, Contracts), or 10 s.
 */
async function pageSettled(): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  const counter = document.querySelector('[data-search-count]');
  if (!counter || !new URLSearchParams(location.search).get('q')?.trim()) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (counter.getAttribute('data-search-count')) done();
    });
    const timer = setTimeout(done, 10_000);
    observer.observe(counter, { attributes: true, attributeFilter: ['data-search-count'] });
    if (counter.getAttribute('data-search-count')) done();
  });
}

async function registerServiceWorker(): Promise<void> {
  // Service workers exist only in secure contexts (https, localhost); elsewhere the site simply stays online-only.
  // `astro dev` has no sw.js, and a worker there would only serve stale modules.
  if (import.meta.env.MODE === 'development' || !('serviceWorker' in navigator)) return;
  await pageSettled();
  // updateViaCache 'none': a new build's sw.js is noticed on the next page load, whatever the host's cache headers say.
  navigator.serviceWorker.register(`${siteBase}sw.js`, { scope: siteBase, updateViaCache: 'none' }).catch((error: unknown) => {
    console.warn('离线支持未能启用：', error);
  });
}

function showOfflineIndicator(): void {
  const indicator = document.querySelector<HTMLElement>('[data-offline-indicator]');
  if (!indicator) return;
  const update = () => {
    indicator.hidden = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

void registerServiceWorker();
showOfflineIndicator();
