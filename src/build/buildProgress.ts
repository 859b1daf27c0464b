/**
 * The build's progress line. Astro prints one line per page written; at
 * 20,000 articles that is 20,000 lines nobody reads, so the build script
 * counts them instead and shows one line: pages done, pages expected, speed
 * and time left. Every other line Astro prints passes through unchanged.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { toolSettings } from '../config.ts';
import { listArticleFiles } from '../lib/articleFiles-fs.ts';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * The page path from one of Astro's page lines, else undefined: "├─ /a/index.html (+3ms)"
 * when rendered, "(cached)" or "(restored)" when an incremental build reused it.
 */
export function parseGeneratedPage(line: string): string | undefined {
  const match = /[├└]─\s+(\/\S*)\s+\((?:\+[\d.]+\s*m?s|cached|restored)\)/.exec(line.replace(ANSI, ''));
  return match?.[1];
}

/**
 * Whether the line is Astro's heading of its page phase (" generating static
 * routes ", astro/dist/core/build/generate.js), printed once its bundles are built.
 */
export function isPagesHeading(line: string): boolean {
  return /^\s*generating static routes\s*$/.test(line.replace(ANSI, ''));
}

/** "45 秒", "3 分 12 秒", "1 小时 5 分". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 1) return '不到 1 秒';
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
}

export interface ProgressState {
  /** Pages written so far. */
  done: number;
  /** Pages expected; an estimate, never shown below `done`. */
  expected: number;
  /** Milliseconds since the first page was written. */
  elapsedMs: number;
}

/** "页面 1,234 / 约 20,010（6%）· 62 页/秒 · 预计还需 5 分 1 秒" */
export function formatProgress({ done, expected, elapsedMs }: ProgressState): string {
  const total = Math.max(expected, done);
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const n = (value: number) => value.toLocaleString('en-US');
  const head = `页面 ${n(done)} / 约 ${n(total)}（${percent}%）`;
  // Under a second of data the rate is noise; say nothing rather than "18532 页/秒".
  if (elapsedMs < 1000) return head;
  const rate = (done / elapsedMs) * 1000;
  const eta = done >= total ? '完成' : `预计还需 ${formatDuration((total - done) / rate)}`;
  return `${head}· ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} 页/秒 · ${eta}`;
}

/** Last build's page and article counts, kept in the cache folder for the next ETA. */
interface BuildStats {
  pages: number;
  articles: number;
}

/** Counts Markdown files under a folder (the articles Astro will render). */
export function countArticles(dir: string): number {
  return listArticleFiles(dir).length;
}

/** Pages expected this time: last build's pages, moved by the change in articles. */
export function expectedPages(articles: number, last: BuildStats | undefined): number {
  return last ? Math.max(0, last.pages + articles - last.articles) : articles;
}

function readStats(file: string): BuildStats | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildStats;
  } catch {
    return undefined;
  }
}

export interface AstroBuildOptions {
  /** `node astro.mjs build` and its arguments. */
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  contentDir: string;
  cacheDir: string;
  /** Where to write progress; a TTY gets one line rewritten in place. */
  out?: NodeJS.WriteStream;
  /** Aborting stops Astro; its output from then on is dropped. */
  signal?: AbortSignal;
  /**
   * Called once when Astro's page phase begins (its heading, or else its
   * first page line): its content sync and bundling are over.
   */
  onPagesStart?: () => void;
}

/** Runs Astro's build with a progress line; resolves to its exit status. */
export async function runAstroBuildWithProgress(options: AstroBuildOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const statsFile = path.join(options.cacheDir, 'archive-build-stats.json');
  const articles = countArticles(options.contentDir);
  const expected = expectedPages(articles, readStats(statsFile));
  const verbose = toolSettings.buildVerbose;
  let done = 0;
  let firstPageAt = 0;
  let lastPageAt = 0;
  let lastPrinted = 0;
  let lastText = '';
  let finished = false;

  const show = (final = false) => {
    const now = performance.now();
    const text = formatProgress({ done, expected, elapsedMs: lastPageAt - firstPageAt });
    if (out.isTTY) {
      if (!final && now - lastPrinted < 200) return;
      out.write(`\r\x1b[K${text}${final ? '\n' : ''}`);
      lastPrinted = now;
    } else if ((final || now - lastPrinted > 5000) && text !== lastText) {
      out.write(`${text}\n`);
      lastPrinted = now;
      lastText = text;
    }
  };
  let pagesStarted = false;
  const pagesStart = () => {
    if (pagesStarted) return;
    pagesStarted = true;
    options.onPagesStart?.();
  };
  const passThrough = (line: string) => {
    if (options.signal?.aborted) return;
    if (isPagesHeading(line)) pagesStart();
    // The first other line after the pages ends the page phase.
    if (done > 0 && !finished) {
      show(true);
      finished = true;
    }
    out.write(`${line}\n`);
  };

  const child = spawn(options.command, options.args, { env: options.env, stdio: ['inherit', 'pipe', 'pipe'], signal: options.signal });
  // Aborting makes spawn emit an AbortError; the exit status says the rest.
  child.on('error', () => {});
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!options.signal?.aborted) process.stderr.write(`${line}\n`);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (options.signal?.aborted) return;
    if (parseGeneratedPage(line) === undefined) return passThrough(line);
    if (done === 0) {
      firstPageAt = performance.now();
      pagesStart();
    }
    lastPageAt = performance.now();
    done += 1;
    if (verbose) out.write(`${line}\n`);
    else show();
  });
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  if (done > 0 && !finished) show(true);
  if (status === 0) {
    mkdirSync(options.cacheDir, { recursive: true });
    writeFileSync(statsFile, JSON.stringify({ pages: done, articles } satisfies BuildStats));
  }
  return status;
}
