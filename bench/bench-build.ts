/**
 * `npm run bench:build -- --articles N`: builds an archive of N corpus
 * stories with this project and with the minimal baseline in bench/baseline
 * (Astro defaults + the Pagefind CLI's defaults), one after the other in one
 * run, and prints their figures side by side. Then it adds one article and
 * times this project's rebuild with its caches kept, twice: the first
 * rebuild after a cold build, and the next one, as on an editor's usual day.
 *
 * Results are kept in bench/results.json (one run per N); from them the
 * script writes bench/results.md (docs/performance.md's table) and bench/memory.svg
 * (peak memory against articles). --update-docs also copies the table into
 * docs/performance.md between its bench markers.
 *
 * Options: --articles N (default 1000), --work <folder> (default: the OS
 * temp folder), --skip-baseline, --update-docs, --seed 42.
 * Needs the corpus: --corpus <folder> or ARCHIVE_CORPUS_DIR (it says how to get one).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEAN_NODE_FLAGS } from '../src/build/leanNodeFlags.ts';
import { corpusDirOrExit } from './lib/corpusArchive.ts';
import { peakUntil, samplePeakTreeMemory, type MemorySample } from './lib/processTreeMemory.ts';
import { memoryPlotSvg } from './lib/memoryPlot.ts';
import { mergeResults, pagesPhaseClock, pagesPhaseSeconds, resultsTable, sideBySide, type BenchResult, type BuildFigures } from './lib/benchReport.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    corpus: { type: 'string' },
    work: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'skip-baseline': { type: 'boolean', default: false },
    'update-docs': { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles.replace(/[,_]/g, ''));
if (!Number.isInteger(articles) || articles < 1) {
  console.error('用法 / usage: npm run bench:build -- --articles N');
  process.exit(2);
}
const corpus = corpusDirOrExit(values.corpus);
const root = process.cwd();
const work = path.resolve(values.work ?? path.join(os.tmpdir(), `archive-bench-${articles}`));
const contentDir = path.join(work, 'articles');
const node = process.execPath;
const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

interface Measured {
  seconds: number;
  peakBytes: number;
  samples: MemorySample[];
}

/** Runs one command with its output in a log file, timing it and sampling its process tree. */
async function measure(label: string, args: string[], env: NodeJS.ProcessEnv, logName: string): Promise<Measured> {
  const logFile = path.join(work, logName);
  const fd = openSync(logFile, 'w');
  process.stdout.write(`· ${label} … `);
  const started = performance.now();
  const child = spawn(node, args, { cwd: root, env, stdio: ['ignore', fd, fd] });
  const sampler = samplePeakTreeMemory(child.pid!, 100);
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const peakBytes = sampler.stop();
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  if (status !== 0) {
    console.error(`失败 / failed (exit ${status}); log: ${logFile}\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    process.exit(1);
  }
  console.log(`${seconds.toFixed(1)} s, ${(peakBytes / 1024 ** 3).toFixed(2)} GB`);
  return { seconds, peakBytes, samples: sampler.samples };
}

/** Peak memory until the end of the pages phase, reading the log's local clock against the samples' dates. */
function pagesPeak(measured: Measured, log: string): number | undefined {
  const span = pagesPhaseClock(log);
  if (!span || measured.samples.length === 0) return undefined;
  const midnight = new Date(measured.samples[0]!.at);
  midnight.setHours(0, 0, 0, 0);
  // The log's clock has whole seconds: count the whole second the phase ended in.
  return peakUntil(measured.samples, midnight.getTime() + (span.end + 1) * 1000);
}

/** Size, file count and HTML count of a built site, and of its index folder. */
function distFigures(dist: string): Omit<BuildFigures, 'wallSeconds' | 'peakBytes'> {
  const figures = { pages: 0, distBytes: 0, distFiles: 0, indexBytes: 0, indexFiles: 0 };
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(dist, file));
    if (!stat.isFile()) continue;
    figures.distFiles += 1;
    figures.distBytes += stat.size;
    if (file.endsWith('.html')) figures.pages += 1;
    if (file.split(path.sep)[0] === 'pagefind') {
      figures.indexFiles += 1;
      figures.indexBytes += stat.size;
    }
  }
  return figures;
}

/** A new article dated the archive's newest day, as an editor adding today's story would. */
function addOneArticle(name: string): string {
  const years = readdirSync(contentDir).sort();
  const year = years.at(-1)!;
  const day = readdirSync(path.join(contentDir, year)).sort().at(-1)!;
  const file = path.join(contentDir, year, day, `${name}.md`);
  writeFileSync(
    file,
    `---\ntitle: 基准测试新增的一篇文章\ndate: ${year}-${day}\n---\n\n编辑在已建成的档案中新增一篇文章，用来测量增量重建的耗时。\n`,
  );
  return file;
}

// 1. The archive (not timed).
mkdirSync(work, { recursive: true });
console.log(`基准 / benchmark: ${articles.toLocaleString('en-US')} articles in ${work}`);
await measure('writing articles', ['bench/corpus-to-articles.ts', '--out', contentDir, '--corpus', corpus, '--articles', String(articles), '--seed', values.seed], baseEnv, 'corpus.log');

const loadStart = os.loadavg()[0];
const startedAt = new Date().toISOString();

// 2. This project: a cold build, then +1 article with the caches kept.
const projectDist = path.join(work, 'project-dist');
const projectCache = path.join(work, 'project-cache');
rmSync(projectDist, { recursive: true, force: true });
rmSync(projectCache, { recursive: true, force: true });
const projectEnv = { ...baseEnv, ARCHIVE_CONTENT_DIR: contentDir, ARCHIVE_CACHE_DIR: projectCache };
const full = await measure('this project: full build', [...LEAN_NODE_FLAGS, 'scripts/build.ts', '--out', projectDist], projectEnv, 'project-build.log');
const fullLog = readFileSync(path.join(work, 'project-build.log'), 'utf8');
const project: BuildFigures = {
  wallSeconds: full.seconds,
  peakBytes: full.peakBytes,
  pagesSeconds: pagesPhaseSeconds(fullLog),
  pagesPeakBytes: pagesPeak(full, fullLog),
  ...distFigures(projectDist),
};
// The first rebuild has no replaced site to stage into yet; every later one
// has (src/build/stagingFolder.ts), so the second is an editor's usual day.
const firstAdded = addOneArticle('bench-added-article-1');
const firstRebuild = await measure('this project: first rebuild after the cold build, one article added', [...LEAN_NODE_FLAGS, 'scripts/build.ts', '--out', projectDist], projectEnv, 'project-first-rebuild.log');
project.firstRebuildSeconds = firstRebuild.seconds;
const added = addOneArticle('bench-added-article-2');
const rebuild = await measure('this project: rebuild after adding one more article', [...LEAN_NODE_FLAGS, 'scripts/build.ts', '--out', projectDist], projectEnv, 'project-rebuild.log');
rmSync(added);
rmSync(firstAdded);
project.rebuildSeconds = rebuild.seconds;
project.rebuildPeakBytes = Math.max(rebuild.peakBytes, firstRebuild.peakBytes);
project.rebuildPagesSeconds = pagesPhaseSeconds(readFileSync(path.join(work, 'project-rebuild.log'), 'utf8'));

// 3. The baseline: astro build, then the Pagefind CLI, each with defaults.
let baseline: BuildFigures | undefined;
if (!values['skip-baseline']) {
  const baselineDist = path.join(work, 'baseline-dist');
  rmSync(baselineDist, { recursive: true, force: true });
  rmSync(path.join(work, 'baseline-cache'), { recursive: true, force: true });
  const baselineEnv = {
    ...baseEnv,
    BASELINE_CONTENT_DIR: contentDir,
    BASELINE_OUT_DIR: baselineDist,
    BASELINE_CACHE_DIR: path.join(work, 'baseline-cache'),
  };
  const astro = await measure(
    'baseline: astro build',
    ['node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/baseline'],
    baselineEnv,
    'baseline-astro.log',
  );
  const pagefind = await measure(
    'baseline: pagefind --site',
    ['node_modules/pagefind/lib/runner/bin.cjs', '--site', baselineDist],
    baselineEnv,
    'baseline-pagefind.log',
  );
  baseline = {
    wallSeconds: astro.seconds + pagefind.seconds,
    // The two steps run one after the other, so the tree's peak is the larger.
    peakBytes: Math.max(astro.peakBytes, pagefind.peakBytes),
    pagefindSeconds: pagefind.seconds,
    pagefindPeakBytes: pagefind.peakBytes,
    ...distFigures(baselineDist),
  };
}

const result: BenchResult = { articles, startedAt, cpus: os.cpus().length, loadStart, loadEnd: os.loadavg()[0], project, baseline };
console.log(`\n${sideBySide(result)}\n`);

// 4. Keep the figures and redraw the table and the plot from every size measured.
const resultsFile = path.join(root, 'bench/results.json');
const previous: BenchResult[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
const results = mergeResults(previous, result);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
const table = resultsTable(results);
writeFileSync(path.join(root, 'bench/results.md'), `${table}\n`);
const svg = memoryPlotSvg(
  [
    { name: 'this project', colour: '#1f6feb', points: results.map((r) => ({ articles: r.articles, bytes: r.project.peakBytes })) },
    {
      name: 'baseline (Astro + Pagefind CLI)',
      colour: '#d1242f',
      points: results.flatMap((r) => (r.baseline ? [{ articles: r.articles, bytes: r.baseline.peakBytes }] : [])),
    },
  ],
  { title: 'Peak memory of the build against archive size', limitBytes: 8 * 1024 ** 3, limitLabel: '8 GB goal (200,000 articles)' },
);
writeFileSync(path.join(root, 'bench/memory.svg'), svg);
if (values['update-docs']) {
  const readmeFile = path.join(root, 'docs/performance.md');
  const readme = readFileSync(readmeFile, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (readme.includes(start) && readme.includes(end)) {
    writeFileSync(readmeFile, `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`);
  }
}
console.log('写入 / wrote bench/results.json, bench/results.md, bench/memory.svg');
