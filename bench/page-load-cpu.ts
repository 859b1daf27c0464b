/**
 * What one page load costs headless Chromium, by process type: loads one
 * page of a built site N times in one tab (no service worker) and reads each
 * Chromium process's CPU time from /proc before and after (Linux only).
 * The browser tests cost what they load; this says how much a load is.
 *
 *   node bench/page-load-cpu.ts <built site folder> <page path> [loads, default 30]
 *   e.g. node bench/page-load-cpu.ts dist /2022/02/24/fu-shan-ling-yun-hai/
 */
import { readdirSync, readFileSync } from 'node:fs';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { serveStatic } from '../scripts/lib/staticServer.ts';

const [dist, sitePath, loadsArg] = process.argv.slice(2);
if (!dist || !sitePath) {
  console.error('usage: node bench/page-load-cpu.ts <built site folder> <page path> [loads]');
  process.exit(2);
}
const loads = Number(loadsArg ?? 30);
const TICKS_PER_SECOND = 100;

/** CPU seconds of every running Chromium process, keyed by pid and its --type (the browser process has none). */
function chromiumCpu(): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // Chromium rewrites its command line as one string, so split on spaces too.
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!args[0]?.includes('chrom')) continue;
      const type = args.find((arg) => arg.startsWith('--type='))?.slice(7) ?? 'browser';
      const service = args.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19);
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      seconds.set(`${pid} ${service ?? type}`, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return seconds;
}

const browser = await launchChromium();
const server = await serveStatic(dist, '/');
const page = await browser.newPage({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
await page.goto(server.url(sitePath));
const before = chromiumCpu();
const started = performance.now();
for (let load = 0; load < loads; load++) await page.goto(server.url(sitePath));
const wall = performance.now() - started;
const after = chromiumCpu();
const byType = new Map<string, number>();
for (const [key, value] of after) {
  const type = key.slice(key.indexOf(' ') + 1);
  byType.set(type, (byType.get(type) ?? 0) + value - (before.get(key) ?? 0));
}
await browser.close();
await server.close();

const total = [...byType.values()].reduce((sum, value) => sum + value, 0);
console.log(`${loads} loads of ${sitePath}: ${(wall / loads).toFixed(0)} ms wall a load, ${((total * 1000) / loads).toFixed(0)} ms of Chromium CPU a load`);
for (const [type, value] of [...byType].sort((a, b) => b[1] - a[1])) {
  if (value > 0) console.log(`  ${type.padEnd(40)} ${((value * 1000) / loads).toFixed(0)} ms a load`);
}
