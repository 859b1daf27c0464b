/**
 * Peak memory of a whole process tree, sampled from /proc (Linux only).
 *
 * A build is several processes (our build script, Astro, Pagefind's Rust
 * binary, workers); `/usr/bin/time -v` reports one process's maximum, so we
 * sample every process's resident set, add up those in the tree, and keep
 * the largest sum. Shared pages are counted once per process, as `ps` and
 * `top` do, so the figure errs on the high side.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One process as /proc/<pid>/stat describes it. */
export interface ProcStat {
  pid: number;
  ppid: number;
}

/**
 * Parses /proc/<pid>/stat. The command name is in parentheses and may itself
 * contain spaces and parentheses, so fields are counted from the last ")".
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(text, 10);
  // After ") ": state, ppid, ...
  const rest = text.slice(close + 2).split(' ');
  const ppid = Number.parseInt(rest[1] ?? '', 10);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return undefined;
  return { pid, ppid };
}

/** Resident set size in bytes from /proc/<pid>/status ("VmRSS:  1234 kB"); 0 for kernel threads. */
export function parseVmRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The root and every process below it, given each process's parent. */
export function treePids(root: number, parents: ReadonlyMap<number, number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const found = new Set<number>([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}

/** Current resident memory of the tree under `root`, in bytes. */
export function treeRssBytes(root: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = parseProcStat(readOrEmpty(`/proc/${name}/stat`));
    if (stat) parents.set(stat.pid, stat.ppid);
  }
  let total = 0;
  for (const pid of treePids(root, parents)) total += parseVmRssBytes(readOrEmpty(`/proc/${pid}/status`));
  return total;
}

/** One sample: when (ms since the epoch) and how much (bytes). */
export interface MemorySample {
  at: number;
  bytes: number;
}

/** The largest sample taken at or before `until` (ms since the epoch); 0 when none. */
export function peakUntil(samples: readonly MemorySample[], until: number): number {
  let peak = 0;
  for (const { at, bytes } of samples) if (at <= until && bytes > peak) peak = bytes;
  return peak;
}

/**
 * Samples the tree under `root` until stopped; `stop()` returns the peak in
 * bytes, and `samples` keeps every sample so a phase's own peak can be read.
 */
export function samplePeakTreeMemory(root: number, intervalMs = 100): { stop(): number; samples: MemorySample[] } {
  const samples: MemorySample[] = [];
  let peak = 0;
  const sample = () => {
    const bytes = treeRssBytes(root);
    samples.push({ at: Date.now(), bytes });
    peak = Math.max(peak, bytes);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
