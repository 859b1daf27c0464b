/**
 * Figures of `npm run bench:build`: the record kept per run, the side-by-side
 * text printed at the end of a run, and the Markdown table for docs/performance.md.
 * Pure functions; the script that measures is bench/bench-build.ts.
 */

/** What one build of one archive measured. */
export interface BuildFigures {
  /** Whole build, start to finish, seconds. */
  wallSeconds: number;
  /** Largest sum of resident memory over the build's process tree, bytes. */
  peakBytes: number;
  /** HTML files written. */
  pages: number;
  distBytes: number;
  distFiles: number;
  /** The search index folder (dist/pagefind). */
  indexBytes: number;
  indexFiles: number;
  /** Project only: from the build's first log line until Astro had written every page (before build:done hooks such as the search index). */
  pagesSeconds?: number;
  /**
   * Project only: the rebuild after adding one article to an archive built
   * before, as an editor's every day is (the build keeps the site it replaces
   * to stage the next one into: src/build/stagingFolder.ts).
   */
  rebuildSeconds?: number;
  /** Project only: the rebuild after adding one article right after the cold build, before any site was replaced. */
  firstRebuildSeconds?: number;
  /** Project only: pagesSeconds of the rebuild. */
  rebuildPagesSeconds?: number;
  /** Project only: peak memory of the tree until the pages were written (Astro's own share, before the index). */
  pagesPeakBytes?: number;
  rebuildPeakBytes?: number;
  /** Baseline only: the Pagefind CLI step on its own. */
  pagefindSeconds?: number;
  pagefindPeakBytes?: number;
}

/** One benchmark run at one archive size. */
export interface BenchResult {
  articles: number;
  /** ISO time the run started. */
  startedAt: string;
  cpus: number;
  /** 1-minute load average at the start and the end: above `cpus` means other work competed for the CPU. */
  loadStart: number;
  loadEnd: number;
  project: BuildFigures;
  baseline?: BuildFigures;
  /** When the baseline was measured, if in an earlier run than the project (--skip-baseline). */
  baselineFrom?: string;
}

const n = (value: number) => value.toLocaleString('en-US');

const CLOCK = /^(?:\x1b\[[0-9;]*m)*(\d{2}):(\d{2}):(\d{2})/;

/**
 * Seconds from a build log's first timestamped line to the "✓ Completed" line
 * that ends Astro's "generating static routes" phase: the pages' share of a
 * build, without the hooks that run after (search index, service worker).
 * Undefined when the log lacks either line.
 */
export function pagesPhaseSeconds(log: string): number | undefined {
  const span = pagesPhaseClock(log);
  return span && span.end - span.start;
}

/**
 * Seconds since midnight (the log's local clock) at the start of a build log
 * and at the end of its pages phase; the end may pass 86,400 after midnight.
 */
export function pagesPhaseClock(log: string): { start: number; end: number } | undefined {
  const seconds = (line: string) => {
    const m = CLOCK.exec(line);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
  };
  const lines = log.split('\n');
  const start = lines.map(seconds).find((value) => value !== undefined);
  const generating = lines.findIndex((line) => line.includes('generating static routes'));
  if (start === undefined || generating < 0) return undefined;
  const done = lines.slice(generating).find((line) => /✓ Completed in/.test(line) && seconds(line) !== undefined);
  if (!done) return undefined;
  const end = seconds(done)!;
  return { start, end: end >= start ? end : end + 86_400 }; // past midnight
}

/** "812 KB", "41.2 MB", "3.61 GB" (binary units). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** "9.8 s", "2 min 12 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Pages per second, or 0 for a build that took no time. */
export function pagesPerSecond(figures: BuildFigures): number {
  return figures.wallSeconds > 0 ? figures.pages / figures.wallSeconds : 0;
}

/** project ÷ baseline as "0.42×", or "" without a baseline. */
export function ratio(project: number, baseline: number | undefined): string {
  return baseline ? `${(project / baseline).toFixed(2)}×` : '';
}

/** Whether the run shared the CPU with other work (load average above the core count). */
export function wasContended(result: BenchResult): boolean {
  return Math.max(result.loadStart, result.loadEnd) > result.cpus;
}

/**
 * Replaces the run of the same size, keeps the others, sorted by size. A run
 * without a baseline (--skip-baseline) keeps the earlier run's baseline,
 * marked with when it was measured.
 */
export function mergeResults(results: BenchResult[], next: BenchResult): BenchResult[] {
  const earlier = results.find((r) => r.articles === next.articles);
  const merged: BenchResult =
    next.baseline || !earlier?.baseline
      ? next
      : { ...next, baseline: earlier.baseline, baselineFrom: earlier.baselineFrom ?? earlier.startedAt };
  return [...results.filter((r) => r.articles !== next.articles), merged].sort((a, b) => a.articles - b.articles);
}

/** The text printed at the end of a run: one row per figure, project beside baseline. */
export function sideBySide(result: BenchResult): string {
  const { project: p, baseline: b } = result;
  const rows: [string, string, string, string][] = [
    ['wall time', formatSeconds(p.wallSeconds), b ? formatSeconds(b.wallSeconds) : '—', ratio(p.wallSeconds, b?.wallSeconds)],
    ['peak memory (process tree)', formatBytes(p.peakBytes), b ? formatBytes(b.peakBytes) : '—', ratio(p.peakBytes, b?.peakBytes)],
    ['pages (HTML files)', n(p.pages), b ? n(b.pages) : '—', ''],
    ['pages per second', pagesPerSecond(p).toFixed(0), b ? pagesPerSecond(b).toFixed(0) : '—', ''],
    ['dist/ size', formatBytes(p.distBytes), b ? formatBytes(b.distBytes) : '—', ''],
    ['dist/ files', n(p.distFiles), b ? n(b.distFiles) : '—', ''],
    ['index size', formatBytes(p.indexBytes), b ? formatBytes(b.indexBytes) : '—', ''],
    ['index files', n(p.indexFiles), b ? n(b.indexFiles) : '—', ''],
    [
      'of which pages (Astro, before the index)',
      p.pagesSeconds === undefined ? '—' : formatSeconds(p.pagesSeconds),
      '—',
      '',
    ],
    [
      'of which peak memory until pages written',
      p.pagesPeakBytes === undefined ? '—' : formatBytes(p.pagesPeakBytes),
      '—',
      '',
    ],
    [
      'rebuild after +1 article',
      p.rebuildSeconds === undefined ? '—' : `${formatSeconds(p.rebuildSeconds)} (${(p.rebuildSeconds / p.wallSeconds).toFixed(2)}× full)`,
      '—',
      '',
    ],
  ];
  if (p.firstRebuildSeconds !== undefined) {
    rows.push([
      'first rebuild after the cold build, +1 article',
      `${formatSeconds(p.firstRebuildSeconds)} (${(p.firstRebuildSeconds / p.wallSeconds).toFixed(2)}× full)`,
      '—',
      '',
    ]);
  }
  if (p.rebuildPagesSeconds !== undefined && p.pagesSeconds) {
    rows.push([
      'of which pages, rebuild',
      `${formatSeconds(p.rebuildPagesSeconds)} (${(p.rebuildPagesSeconds / p.pagesSeconds).toFixed(2)}× the full pages phase)`,
      '—',
      '',
    ]);
  }
  if (b?.pagefindSeconds !== undefined) {
    rows.push(['of which Pagefind CLI', '—', `${formatSeconds(b.pagefindSeconds)}, ${formatBytes(b.pagefindPeakBytes ?? 0)}`, '']);
  }
  const header: [string, string, string, string] = [`${n(result.articles)} articles`, 'this project', 'baseline', 'ratio'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => [...row[i]].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  const load = `load average ${result.loadStart.toFixed(2)} → ${result.loadEnd.toFixed(2)} on ${result.cpus} CPUs${wasContended(result) ? ' (CPU shared with other work)' : ''}`;
  return [line(header), ...rows.map(line), '', load].join('\n');
}

/** docs/performance.md's table: one row per side per size. */
export function resultsTable(results: BenchResult[]): string {
  const lines = [
    '| articles | build | wall time | peak memory | pages | pages/s | dist/ size | dist/ files | index size | rebuild after +1 article | load avg (start → end) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const load = `${r.loadStart.toFixed(1)} → ${r.loadEnd.toFixed(1)}${wasContended(r) ? ' (contended)' : ''}`;
    const row = (side: string, f: BuildFigures, rebuild: string) =>
      `| ${n(r.articles)} | ${side} | ${formatSeconds(f.wallSeconds)} | ${formatBytes(f.peakBytes)}${f.pagesPeakBytes ? ` (pages: ${formatBytes(f.pagesPeakBytes)})` : ''} | ${n(f.pages)} | ${pagesPerSecond(f).toFixed(0)} | ${formatBytes(f.distBytes)} | ${n(f.distFiles)} | ${formatBytes(f.indexBytes)} | ${rebuild} | ${load} |`;
    const p = r.project;
    let rebuild = p.rebuildSeconds === undefined ? '—' : `${formatSeconds(p.rebuildSeconds)} (${(p.rebuildSeconds / p.wallSeconds).toFixed(2)}×)`;
    if (p.pagesSeconds && p.rebuildPagesSeconds !== undefined) {
      rebuild += `; pages ${formatSeconds(p.pagesSeconds)} → ${formatSeconds(p.rebuildPagesSeconds)} (${(p.rebuildPagesSeconds / p.pagesSeconds).toFixed(2)}×)`;
    }
    if (p.firstRebuildSeconds !== undefined) rebuild += `; first after the cold build ${formatSeconds(p.firstRebuildSeconds)} (${(p.firstRebuildSeconds / p.wallSeconds).toFixed(2)}×)`;
    lines.push(row('this project', p, rebuild));
    if (r.baseline) {
      lines.push(row(r.baselineFrom ? `baseline (run of ${r.baselineFrom.slice(0, 16).replace('T', ' ')})` : 'baseline', r.baseline, '—'));
      lines.push(
        `| ${n(r.articles)} | project ÷ baseline | ${ratio(p.wallSeconds, r.baseline.wallSeconds)} | ${ratio(p.peakBytes, r.baseline.peakBytes)} | | | | | | | |`,
      );
    }
  }
  return lines.join('\n');
}
