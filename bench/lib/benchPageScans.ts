/**
 * The page-scan part of `npm run bench:images`: generates page-sized scans
 * (grain and dark text-like bands, JPEG, as a 300 dpi scan compresses),
 * writes a page file and one article region for each, and times the build
 * stage that tiles them (src/lib/scans/scanImages-fs.ts): once with an empty
 * tile cache, once with it kept. Node-only.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { ArticleSource } from '../../src/lib/articleSources-fs.ts';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { readPages } from '../../src/lib/scans/readPages-fs.ts';
import { publishPageScan } from '../../src/lib/scans/scanImages-fs.ts';

export interface ScanBenchFigures {
  pages: number;
  scanBytes: number;
  coldSeconds: number;
  cachedSeconds: number;
  /** CPU time of this process (sharp's threads included): the cost without the other work on a shared machine. */
  coldCpuSeconds: number;
  cachedCpuSeconds: number;
  /** Files and bytes of one page's tiles in the site. */
  tileFiles: number;
  tileBytes: number;
}

/** A scan-like page: paper grain with rows of dark bands where the text lines are. */
async function pageScan(width: number, height: number, seed: number): Promise<Buffer> {
  const small = { width: Math.round(width / 8), height: Math.round(height / 8) };
  const grain = await sharp({ create: { ...small, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 215 + (seed % 10), sigma: 18 } } })
    .png()
    .toBuffer();
  const rows = Array.from({ length: Math.floor(small.height / 6) }, (_, row) =>
    `<rect x="${20 + (row % 3) * 2}" y="${row * 6 + 2}" width="${small.width - 40 - (row % 7) * 9}" height="3" fill="#333" opacity="0.55"/>`,
  ).join('');
  const lines = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${small.width}" height="${small.height}">${rows}</svg>`);
  const page = await sharp(grain).composite([{ input: lines }]).png().toBuffer();
  return sharp(page).resize(width, height, { kernel: 'cubic' }).jpeg({ quality: 85 }).toBuffer();
}

function folderSize(dir: string): { files: number; bytes: number } {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { files: files.length, bytes: files.reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0) };
}

export async function benchPageScans(root: string, count: number, width: number, height: number): Promise<ScanBenchFigures> {
  const pagesDir = path.join(root, 'scan-pages');
  const articles: ArticleSource[] = [];
  let scanBytes = 0;
  for (let page = 1; page <= count; page += 1) {
    const day = path.join(pagesDir, '2024', '05-01');
    mkdirSync(day, { recursive: true });
    const name = String(page).padStart(2, '0');
    const scan = await pageScan(width, height, page);
    scanBytes += scan.length;
    writeFileSync(path.join(day, `${name}.jpg`), scan);
    writeFileSync(path.join(day, `${name}.yml`), `page: ${page}\nsource: 基准测试生成的扫描件\nscan: ${name}.jpg\n`);
    const data = articleSchema.parse({ title: `基准 ${page}`, date: '2024-05-01', page, regions: [{ x: 200, y: 300, width: width / 2, height: height / 3 }] });
    articles.push({ file: `2024/05-01/bench-${page}.md`, permalink: `/2024/05/01/bench-${page}/`, data, body: '正文。', raw: '' });
  }
  const { pages, problems } = readPages(pagesDir, root);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  const cacheRoot = path.join(root, 'scan-cache');
  // Each run writes a fresh site folder, as the build does (scripts/build.ts stages into an empty one).
  const run = async (site: string) => {
    const options = { outDir: path.join(root, site), cacheRoot, siteBaseUrl: 'https://archive.example.org/' };
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const page of pages) await publishPageScan(page, articles, options);
    const used = process.cpuUsage(cpu);
    return [(performance.now() - started) / 1000, (used.user + used.system) / 1e6] as const;
  };
  const [coldSeconds, coldCpuSeconds] = await run('scan-site-cold');
  const [cachedSeconds, cachedCpuSeconds] = await run('scan-site-cached');
  const tiles = folderSize(path.join(root, 'scan-site-cached', 'iiif/2024-05-01/01'));
  return { pages: pages.length, scanBytes, coldSeconds, cachedSeconds, coldCpuSeconds, cachedCpuSeconds, tileFiles: tiles.files, tileBytes: tiles.bytes };
}
