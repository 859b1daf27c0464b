/**
 * Starts the zoomable viewer (pageViewer.ts, OpenSeadragon: some 350 KB of
 * script) only when the reader reaches for the scan: a pointer over it, a
 * touch, the wheel, a zoom button, or an address naming a region. Until then
 * the page is the SVG preview, whose region links already work (mouse and
 * keyboard), so a phone on a slow line gets a light page first. Keyboard
 * focus on a region does not start it: replacing the SVG would take the focus away.
 */
import type { ViewerParts } from './pageViewer.ts';

export function startPageViewer(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('[data-scan-svg]');
  const mount = figure.querySelector<HTMLElement>('[data-scan-viewer]');
  const controls = figure.querySelector<HTMLElement>('[data-scan-controls]');
  const info = figure.dataset.info;
  if (!svg || !mount || !controls || !info) return;
  const parts: ViewerParts = { svg, mount, controls };
  // The zoom buttons need this script; without it the SVG's links are the page.
  controls.hidden = false;
  let started = false;

  const start = (firstAction?: 'in' | 'out' | 'home') => {
    if (started) return;
    started = true;
    void Promise.all([fetch(info).then((response) => response.json() as Promise<Record<string, unknown>>), import('./pageViewer.ts')])
      .then(([service, viewer]) => {
        // The info.json names the service by the site's public URL; tiles are
        // asked for where this page found it, so the viewer also works on a
        // preview server, another host, or offline from the cache.
        service.id = new URL(info, location.href).href.replace(/\/info\.json$/, '');
        viewer.openViewer(parts, service, firstAction);
      })
      .catch(() => {
        // No tiles (offline and never seen): the SVG with its preview stays.
        started = false;
      });
  };

  for (const type of ['pointerenter', 'pointerdown', 'touchstart', 'wheel'] as const) {
    svg.addEventListener(type, () => start(), { once: true, passive: true });
  }
  for (const button of controls.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
    button.addEventListener('click', () => start(button.dataset.zoom as 'in' | 'out' | 'home'));
  }
  if (location.hash.startsWith('#region-')) start();
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#region-')) start();
  });
}
