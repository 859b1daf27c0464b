/**
 * The printed page in the built seed site: the issue's IIIF manifest parses
 * with @iiif/parser and everything it names resolves in dist/ (the canvases'
 * images and image services, each service's info.json and tiles, the
 * annotations' article pages); the page view holds the scan, the regions,
 * the article list and the OCR text; tiles carry no metadata and the page's
 * full image is not published.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import { isImageService, isLevel0 } from '@iiif/parser/image-3';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { SEED_FILE, SEED_PIECES } from '../support/seedSource.ts';

const dist = await fixtureSite('seed');
const SITE = 'http://localhost:4321/';
const manifestFile = path.join(dist, 'iiif/2022-02-24/manifest.json');

/** The dist/ file a URL of the site names (folders serve index.html). */
function distFile(url: string): string {
  expect(url.startsWith(SITE), `${url} is on the site`).toBe(true);
  const rest = decodeURIComponent(url.slice(SITE.length));
  return path.join(dist, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest);
}

interface Annotation {
  id: string;
  motivation: string;
  body: { id: string; type: string; width?: number; service?: Array<{ id: string }> };
  target: string | { source: { id: string }; selector: { type: string; value: string } };
}
interface Canvas {
  id: string;
  type: string;
  label: Record<string, string[]>;
  width: number;
  height: number;
  items: Array<{ items: Annotation[] }>;
  annotations: Array<{ items: Annotation[] }>;
}

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { id: string; label: Record<string, string[]>; summary: Record<string, string[]>; items: Canvas[] };

describe('the IIIF manifest of 2022-02-24', () => {
  it('parses with @iiif/parser: one manifest, one canvas, three article annotations, no warnings', () => {
    const warnings: string[] = [];
    presentation3StrictUpgrade(structuredClone(manifest) as never, { warnings });
    expect(warnings).toEqual([]);
    const { entities, resource } = normalize(structuredClone(manifest));
    expect(resource).toMatchObject({ id: manifest.id, type: 'Manifest' });
    expect(Object.keys(entities.Canvas)).toEqual(['http://localhost:4321/iiif/2022-02-24/canvas/01']);
    const linking = Object.values(entities.Annotation as Record<string, { motivation: string[] }>).filter((annotation) => annotation.motivation.includes('linking'));
    expect(linking).toHaveLength(3);
  });

  it('says it is a reconstruction, in its label, summary and the canvas label', () => {
    expect(manifest.label['zh-Hans']![0]).toContain('示意版面，非原版扫描');
    expect(manifest.summary['zh-Hans']![0]).toContain('示意版面，非原版扫描');
    expect(manifest.items[0]!.label['zh-Hans']![0]).toContain('示意版面，非原版扫描');
  });

  it("resolves in dist/: each canvas's image and its level-0 image service with tiles", async () => {
    for (const canvas of manifest.items) {
      const painting = canvas.items[0]!.items[0]!;
      expect(painting.target).toBe(canvas.id);
      const image = await sharp(distFile(painting.body.id)).metadata();
      expect(image.width).toBe(painting.body.width);
      const serviceId = painting.body.service![0]!.id;
      const info = JSON.parse(readFileSync(distFile(`${serviceId}/info.json`), 'utf8'));
      expect(isImageService(info)).toBe(true);
      expect(isLevel0(info)).toBe(true);
      expect(info.id).toBe(serviceId);
      expect([info.width, info.height]).toEqual([canvas.width, canvas.height]);
      // Every tile the level-0 service promises is a file: scale factors × the tile grid.
      const tile = info.tiles[0];
      for (const scale of tile.scaleFactors as number[]) {
        const span = tile.width * scale;
        for (let y = 0; y < info.height; y += span) {
          for (let x = 0; x < info.width; x += span) {
            const w = Math.min(span, info.width - x);
            const h = Math.min(span, info.height - y);
            // IIIF's canonical form names a tile that is the whole image "full".
            const region = w === info.width && h === info.height ? 'full' : `${x},${y},${w},${h}`;
            const size = `${Math.ceil(w / scale)},${Math.ceil(h / scale)}`;
            const file = distFile(`${serviceId}/${region}/${size}/0/default.jpg`);
            expect(existsSync(file), file).toBe(true);
          }
        }
      }
    }
  });

  it('links every region to its article page, on a canvas of the manifest, inside the canvas', () => {
    const canvases = new Map(manifest.items.map((canvas) => [canvas.id, canvas]));
    const bodies = manifest.items.flatMap((canvas) => canvas.annotations.flatMap((page) => page.items));
    expect(bodies.map((annotation) => new URL(annotation.body.id).pathname).sort()).toEqual(SEED_PIECES.map((piece) => piece.permalink).sort());
    for (const annotation of bodies) {
      expect(existsSync(distFile(annotation.body.id))).toBe(true);
      const target = annotation.target as Exclude<Annotation['target'], string>;
      const canvas = canvases.get(target.source.id)!;
      expect(canvas).toBeDefined();
      const [x, y, w, h] = target.selector.value.replace('xywh=', '').split(',').map(Number) as [number, number, number, number];
      expect(x + w).toBeLessThanOrEqual(canvas.width);
      expect(y + h).toBeLessThanOrEqual(canvas.height);
    }
  });
});

describe('the page images', () => {
  const imagesDir = path.join(dist, 'scans/2022-02-24/01');
  const serviceDir = path.join(dist, 'iiif/2022-02-24/01');

  it('carry no EXIF, XMP or IPTC (tiles, preview, crops)', async () => {
    const tiles = readdirSync(serviceDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.jpg'));
    const files = [...tiles.map((name) => path.join(serviceDir, name)), ...readdirSync(imagesDir).map((name) => path.join(imagesDir, name))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const meta = await sharp(file).metadata();
      expect([meta.exif, meta.xmp, meta.iptc], file).toEqual([undefined, undefined, undefined]);
    }
  });

  it('publish the preview and each article crop, but not the full page image (not asked for)', () => {
    expect(readdirSync(imagesDir).sort()).toEqual(['preview.jpg', ...SEED_PIECES.map((piece) => `${piece.file}.jpg`)].sort());
  });
});

describe('the page view', () => {
  const document = parseHTML(readFileSync(path.join(dist, '2022/02/24/pages/01/index.html'), 'utf8')).document;

  it('holds the scan with three region links, the article list and the OCR text as stored', () => {
    const regions = [...document.querySelectorAll('svg[data-scan-svg] a.scan-region')];
    expect(regions.map((link) => link.getAttribute('href')).sort()).toEqual(SEED_PIECES.map((piece) => piece.permalink).sort());
    expect(document.querySelectorAll('[data-page-article]')).toHaveLength(3);
    expect(document.querySelector('[data-ocr-text]')?.textContent).toBe(readFileSync(SEED_FILE, 'utf8'));
    expect(document.querySelector('[data-reconstruction-label]')?.textContent).toContain('示意版面，非原版扫描');
  });

  it('is linked from the issue page and from each article (原版面)', () => {
    const issue = parseHTML(readFileSync(path.join(dist, '2022/02/24/index.html'), 'utf8')).document;
    expect(issue.querySelector('[data-page-view-link]')?.getAttribute('href')).toBe('/2022/02/24/pages/01/');
    for (const piece of SEED_PIECES) {
      const article = parseHTML(readFileSync(path.join(dist, piece.permalink, 'index.html'), 'utf8')).document;
      const links = [...article.querySelectorAll('[data-original-page] a')].map((link) => link.getAttribute('href'));
      expect(links).toContain(`/2022/02/24/pages/01/#region-${piece.file}`);
    }
  });
});

describe('the offline save', () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'offline-manifest.json'), 'utf8')) as {
    totalBytes: number;
    files: Array<{ url: string }>;
    scans?: { totalBytes: number; files: Array<{ url: string; size: number }> };
  };

  it('leaves the tiles out of the archive, and lists them apart with their size', () => {
    expect(manifest.files.filter((file) => file.url.startsWith('iiif/2022-02-24/01/'))).toEqual([]);
    const scans = manifest.scans!;
    expect(scans.files.map((file) => file.url)).toContain('iiif/2022-02-24/01/info.json');
    expect(scans.files.length).toBeGreaterThan(20);
    expect(scans.totalBytes).toBe(scans.files.reduce((total, file) => total + file.size, 0));
  });

  it('keeps what readers see without asking: the page view, its preview, the crops and the manifest', () => {
    const urls = manifest.files.map((file) => file.url);
    expect(urls).toEqual(expect.arrayContaining(['2022/02/24/pages/01/', 'scans/2022-02-24/01/preview.jpg', 'iiif/2022-02-24/manifest.json']));
    for (const piece of SEED_PIECES) expect(urls).toContain(`scans/2022-02-24/01/${piece.file}.jpg`);
  });
});
