/**
 * `npm run bench:images`: what 50 camera-sized photos cost a build, the first
 * time and again with nothing changed (Astro's image cache kept between
 * builds). Generates the photos with sharp into a temporary content folder,
 * runs the real build twice with the same cache folder, and prints the
 * measured image time of each build (photo checks + Astro's image
 * generation + the metadata scan, as the build logs them) and the ratio.
 *
 * Then the page scans: --scans <n> page-sized scans (default 20, of
 * --scan-size 5000x8000 px) tiled into IIIF level-0 tiles by the build's
 * page stage, with an empty tile cache and with it kept (bench/lib/benchPageScans.ts).
 *
 * Options: --photos <n> (default 50), --width <px> (default 4000), --keep,
 * --scans <n> (0 skips them), --scan-size <w>x<h>, --only-scans.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { benchPageScans } from './lib/benchPageScans.ts';

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '50' },
    width: { type: 'string', default: '4000' },
    keep: { type: 'boolean' },
    scans: { type: 'string', default: '20' },
    'scan-size': { type: 'string', default: '5000x8000' },
    'only-scans': { type: 'boolean' },
  },
});
const photoCount = Number(values.photos);
const width = Number(values.width);
const height = Math.round((width * 3) / 4);
const PER_ARTICLE = 5;

const root = mkdtempSync(path.join(os.tmpdir(), 'archive-bench-images-'));
const contentDir = path.join(root, 'content');

/** A photo-like JPEG: soft colour fields with grain, and camera EXIF with GPS. */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const field = await sharp({
    create: { width: Math.round(width / 16), height: Math.round(height / 16), channels: 3, background: '#000', noise: { type: 'gaussian', mean: 100 + (seed % 60), sigma: 50 } },
  })
    .png()
    .toBuffer();
  return sharp(field)
    .resize(width, height, { kernel: 'cubic' })
    .withMetadata({ orientation: seed % 4 === 0 ? 6 : 1 })
    .withExifMerge({
      IFD0: { Make: 'BenchCam', Model: 'Mark I' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 39/1 29/1', GPSLongitudeRef: 'E', GPSLongitude: '110/1 55/1 8/1' },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function writeArchive() {
  let bytes = 0;
  for (let article = 0; article * PER_ARTICLE < photoCount; article += 1) {
    const folder = path.join(contentDir, '2024', `03-${String((article % 28) + 1).padStart(2, '0')}`);
    mkdirSync(path.join(folder, 'images'), { recursive: true });
    const lines: string[] = [];
    for (let i = article * PER_ARTICLE; i < Math.min(photoCount, (article + 1) * PER_ARTICLE); i += 1) {
      const photo = await cameraPhoto(i);
      bytes += photo.length;
      writeFileSync(path.join(folder, 'images', `photo-${i}.jpg`), photo);
      lines.push(`![第 ${i} 张](./images/photo-${i}.jpg "测试照片 ${i}。摄影：测试")`, '');
    }
    const day = path.basename(folder).slice(3);
    writeFileSync(
      path.join(folder, `bench-${article}.md`),
      `---\ntitle: 图片基准 ${article}\ndate: 2024-03-${day}\n---\n\n正文。\n\n${lines.join('\n')}\n`,
    );
  }
  return bytes;
}

interface BuildFigures {
  wallSeconds: number;
  checkSeconds: number;
  generateSeconds: number;
  privacySeconds: number;
  images: number;
  reused: number;
}

/** Astro prints "238ms", "3.29s" or "1m 49s". */
function seconds(text: string): number {
  let total = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)(ms|m|s)/g)) {
    total += unit === 'ms' ? Number(value) / 1000 : unit === 'm' ? Number(value) * 60 : Number(value);
  }
  return total;
}

function build(label: string): BuildFigures {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', path.join(root, 'dist')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      ARCHIVE_CONTENT_DIR: contentDir,
      ARCHIVE_CACHE_DIR: path.join(root, 'astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${label} build failed:\n${log}`);
  const check = /checked \d+ photo\(s\) in (\d+)ms/.exec(log);
  const privacy = /privacy: \d+ image\(s\) carry no metadata \((\d+)ms\)/.exec(log);
  const phase = log.slice(log.indexOf('generating optimized images'));
  const generated = /Completed in ((?:\d+m )?[\d.]+m?s)\./.exec(phase);
  if (!check || !generated || !privacy || !log.includes('generating optimized images')) throw new Error(`${label}: could not find the image timings in the build log:\n${log}`);
  return {
    wallSeconds,
    checkSeconds: Number(check[1]) / 1000,
    generateSeconds: seconds(generated[1]!),
    privacySeconds: Number(privacy[1]) / 1000,
    images: (phase.match(/▶ /g) ?? []).length,
    reused: (phase.match(/reused cache entry/g) ?? []).length,
  };
}

/** Tiling page scans, cold and cached. */
async function scanBench(): Promise<void> {
  const count = Number(values.scans);
  if (count === 0) return;
  const [scanWidth, scanHeight] = values['scan-size']!.split('x').map(Number) as [number, number];
  const figures = await benchPageScans(root, count, scanWidth, scanHeight);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${figures.pages} page scans of ${scanWidth}×${scanHeight} px (${mb(figures.scanBytes)} of JPEG); each page: ${figures.tileFiles} tile files, ${mb(figures.tileBytes)}`);
  const perPage = (value: number) => (value / figures.pages).toFixed(2);
  console.log(`tiling, empty tile cache : ${figures.coldSeconds.toFixed(1)} s wall (${perPage(figures.coldSeconds)} s a page), ${figures.coldCpuSeconds.toFixed(1)} s CPU`);
  console.log(`tiling, cache kept       : ${figures.cachedSeconds.toFixed(1)} s wall (${perPage(figures.cachedSeconds)} s a page: copies and info.json), ${figures.cachedCpuSeconds.toFixed(1)} s CPU`);
  console.log(`tiling time ratio: ${(figures.coldSeconds / figures.cachedSeconds).toFixed(1)}× less with the cache`);
}

if (values['only-scans']) {
  try {
    await scanBench();
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
  process.exit();
}

const bytes = await writeArchive();
console.log(`${photoCount} 张 ${width}×${height} 照片（共 ${(bytes / 1024 / 1024).toFixed(1)} MB）写入 ${contentDir}`);
try {
  await scanBench();
  const cold = build('first');
  const warm = build('second');
  const imageTime = (b: BuildFigures) => b.checkSeconds + b.generateSeconds + b.privacySeconds;
  const row = (name: string, b: BuildFigures) =>
    `${name}: images ${imageTime(b).toFixed(2)} s (checks ${b.checkSeconds.toFixed(2)} s + generation ${b.generateSeconds.toFixed(2)} s + metadata scan ${b.privacySeconds.toFixed(2)} s; ${b.images} files, ${b.reused} from cache); whole build ${b.wallSeconds.toFixed(1)} s`;
  console.log(row('first build (empty cache)   ', cold));
  console.log(row('second build (cache kept)   ', warm));
  const ratio = imageTime(cold) / imageTime(warm);
  console.log(`image time ratio: ${ratio.toFixed(1)}× less on the second build (target ≥ 5×)`);
  if (ratio < 5) process.exitCode = 1;
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
