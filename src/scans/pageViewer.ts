/**
 * The zoomable page scan: replaces the page view's SVG (PageScan.astro) with
 * OpenSeadragon over the page's IIIF level-0 tiles, and puts the SVG's
 * article regions on it as links (focusable, Enter opens the article). The
 * viewer is bundled into the site's own scripts: no outside request, no
 * inline script. `#region-<slug>` in the address zooms to that article and
 * highlights it, as a search hit or an article's "原版面" link asks. Loaded
 * by startPageViewer.ts only when the reader reaches for the scan.
 */
import OpenSeadragon from 'openseadragon';

const SVG = 'http://www.w3.org/2000/svg';

interface RegionLink {
  slug: string;
  href: string;
  label: string;
  points: Array<[number, number]>;
}

/** The regions as the SVG fallback holds them. */
function readRegions(svg: SVGSVGElement): RegionLink[] {
  return [...svg.querySelectorAll<SVGAElement>('a[data-region]')].map((link) => ({
    slug: link.dataset.region ?? '',
    href: link.getAttribute('href') ?? '',
    label: link.getAttribute('aria-label') ?? '',
    points: (link.querySelector('polygon')?.getAttribute('points') ?? '')
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split(',').map(Number) as [number, number]),
  }));
}

function boundsOf(points: Array<[number, number]>) {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** One region as an HTML link holding its outline, drawn in the region's own box. */
function overlayElement(region: RegionLink, box: ReturnType<typeof boundsOf>): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'scan-overlay';
  link.href = region.href;
  link.setAttribute('aria-label', region.label);
  link.dataset.overlay = region.slug;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const polygon = document.createElementNS(SVG, 'polygon');
  polygon.setAttribute('points', region.points.map((point) => point.join(',')).join(' '));
  svg.append(polygon);
  link.append(svg);
  return link;
}

/** The slug named by #region-<slug>, if any. */
function wantedRegion(): string | undefined {
  return /^#region-(.+)$/.exec(decodeURIComponent(location.hash))?.[1];
}

export interface ViewerParts {
  svg: SVGSVGElement;
  mount: HTMLElement;
  controls: HTMLElement;
}

type ZoomAction = 'in' | 'out' | 'home';

/** Replaces the SVG with the zoomable viewer; `firstAction` is the zoom button that asked for it. */
export function openViewer({ svg, mount, controls }: ViewerParts, service: Record<string, unknown>, firstAction?: ZoomAction): void {
  const regions = readRegions(svg);
  // The page's own shape, so a phone shows the whole page without bands (a CSSOM style, allowed by the CSP).
  mount.style.aspectRatio = `${String(service.width)} / ${String(service.height)}`;
  mount.hidden = false;
  const viewer = OpenSeadragon({
    element: mount,
    tileSources: service,
    showNavigationControl: false,
    visibilityRatio: 0.5,
    // A click opens the article under it; zooming is the wheel, pinch and the buttons.
    gestureSettingsMouse: { clickToZoom: false },
    gestureSettingsTouch: { clickToZoom: false },
  });
  const overlays = new Map<string, { element: HTMLAnchorElement; rect: OpenSeadragon.Rect }>();

  viewer.addOnceHandler('open', () => {
    for (const region of regions) {
      const box = boundsOf(region.points);
      const rect = viewer.viewport.imageToViewportRectangle(box.x, box.y, box.width, box.height);
      const element = overlayElement(region, box);
      viewer.addOverlay({ element, location: rect });
      // The viewer's own pointer and key handling cancel the link's default
      // action, so the link opens its article itself: a quick click, or Enter.
      new OpenSeadragon.MouseTracker({
        element,
        clickHandler: (event) => {
          if (event.quick) location.assign(region.href);
        },
      });
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') location.assign(region.href);
      });
      overlays.set(region.slug, { element, rect });
    }
    // The SVG stays for print and for readers without JavaScript; the viewer replaces it on screen.
    svg.classList.add('is-replaced');
    showWanted();
    if (firstAction) zoom(firstAction);
  });

  /** Zooms to and marks the region named in the address, and its entry in the article list. */
  const showWanted = () => {
    const slug = wantedRegion();
    for (const [name, { element }] of overlays) element.classList.toggle('is-highlighted', name === slug);
    for (const item of document.querySelectorAll<HTMLElement>('[data-page-article]')) {
      item.classList.toggle('is-highlighted', item.dataset.pageArticle === slug);
    }
    const wanted = slug ? overlays.get(slug) : undefined;
    if (!wanted) return;
    // The browser scrolled to the region in the SVG, which the viewer has replaced: show the viewer whole.
    mount.scrollIntoView({ block: 'nearest' });
    const { x, y, width, height } = wanted.rect;
    // A margin of 5 % around the article, so its edges are not under the frame.
    viewer.viewport.fitBoundsWithConstraints(new OpenSeadragon.Rect(x - width * 0.05, y - height * 0.05, width * 1.1, height * 1.1));
  };
  // The list's "在版面上查看" links land on the viewer, not on the hidden SVG.
  window.addEventListener('hashchange', showWanted);

  const zoom = (action: ZoomAction) => {
    if (action === 'home') viewer.viewport.goHome();
    else viewer.viewport.zoomBy(action === 'in' ? 1.5 : 1 / 1.5);
  };
  for (const button of controls.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
    button.addEventListener('click', () => zoom(button.dataset.zoom as ZoomAction));
  }
}
