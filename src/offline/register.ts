/**
 * Runs on every page (OfflineSupport.astro): registers the archive's service
 * worker and shows the quiet offline indicator while the browser is offline.
 */
import { siteBase } from './siteBase.ts';

function registerServiceWorker(): void {
  // Service workers exist only in secure contexts (https, localhost); elsewhere the site simply stays online-only.
  // `astro dev` has no sw.js, and a worker there would only serve stale modules.
  if (import.meta.env.MODE === 'development' || !('serviceWorker' in navigator)) return;
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

registerServiceWorker();
showOfflineIndicator();
