/**
 * Runs a command and says which programs spent the machine's CPU while it
 * ran: Chromium, the Astro builds, the stage processes, Vitest's workers,
 * Java (the Nu checker)… Linux only (reads /proc every 0.2 s).
 *
 *   node bench/cpu-by-program.ts -- npm test
 *
 * A process is counted from its start to the last sample that saw it, so a
 * process shorter than the interval is missed and each loses up to 0.2 s at
 * its end. The machine's busy time, from /proc/stat, is exact; what the
 * programs do not account for is printed as "not attributed" (many short
 * processes, such as Vitest's per-file workers, make it large).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux
const INTERVAL_MS = 200;

const command = process.argv.slice(process.argv.indexOf('--') + 1);
if (command.length === 0 || !process.argv.includes('--')) {
  console.error('用法 / usage: node bench/cpu-by-program.ts -- <command> [args…]');
  process.exit(2);
}

/** What a process is, by its command line. */
function programOf(pid: string): string | undefined {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
  if (args.length === 0) return undefined;
  const exe = path.basename(args[0]!);
  const line = args.join(' ');
  if (/chrom/.test(exe)) return 'chromium';
  if (exe === 'java') return 'java (Nu checker)';
  if (exe.startsWith('python')) return 'python';
  if (exe.startsWith('node')) {
    if (line.includes('astro.mjs build')) return 'node: astro build';
    if (line.includes('astro.mjs dev')) return 'node: astro dev';
    if (line.includes('stageProcessMain')) return 'node: build stages (check, index)';
    if (line.includes('scripts/build.ts')) return 'node: build command';
    if (line.includes('vitest')) return 'node: vitest and its workers';
    return 'node: other';
  }
  return exe;
}

/** user + system CPU seconds of a process so far. */
function cpuOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** busy and total CPU seconds of the machine since boot. */
function machine(): { busy: number; total: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: (total - ticks[3]! - ticks[4]!) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

const seen = new Map<string, { program: string; cpu: number }>();
function sample(): void {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const cpu = cpuOf(pid);
    if (cpu === undefined) continue;
    // Read again each time: a wrapper script (Debian's chromium is one) becomes its program by exec.
    const program = programOf(pid) ?? seen.get(pid)?.program;
    if (program) seen.set(pid, { program, cpu });
  }
}

// Processes already running are counted from now, not from their start.
sample();
const before = new Map([...seen].map(([pid, { cpu }]) => [pid, cpu]));
const start = machine();
const startedAt = performance.now();
const timer = setInterval(sample, INTERVAL_MS);
const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
child.on('exit', (code) => {
  clearInterval(timer);
  sample();
  const end = machine();
  const wall = (performance.now() - startedAt) / 1000;
  const byProgram = new Map<string, number>();
  for (const [pid, { program, cpu }] of seen) byProgram.set(program, (byProgram.get(program) ?? 0) + cpu - (before.get(pid) ?? 0));
  const busy = end.busy - start.busy;
  console.log(`\n${command.join(' ')}: exit ${code}, ${wall.toFixed(1)} s wall; machine busy ${busy.toFixed(1)} CPU-s (${((busy / (end.total - start.total)) * 100).toFixed(0)} % of its cores)`);
  const attributed = [...byProgram.values()].reduce((sum, cpu) => sum + cpu, 0);
  byProgram.set('not attributed', busy - attributed);
  for (const [program, cpu] of [...byProgram].sort((a, b) => b[1] - a[1])) {
    if (cpu >= 0.5) console.log(`${cpu.toFixed(1).padStart(8)} CPU-s  ${((cpu / busy) * 100).toFixed(0).padStart(3)} %  ${program}`);
  }
  process.exit(code ?? 1);
});
