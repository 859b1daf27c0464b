/**
 * src/build/searchIndexProcess.ts stops its second worker's shard processes
 * when it is stopped itself (npm run build does so on an Astro or content
 * error): they must not go on writing shards nobody will use.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'search-index-stop-'));
const content = path.join(root, 'content');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pids of running processes whose parent is `parent` and whose command line contains `needle`. */
function childrenOf(parent: number, needle: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) pids.push(Number(name));
    } catch {
      // Ended meanwhile.
    }
  }
  return pids;
}
/** Running: it exists and is not a zombie (an ended process whose parent has not collected it). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stopping the search index', () => {
  it.runIf(process.platform === 'linux')('ends the second worker\'s shard process with it', async () => {
    // Three shards of 1,500 articles: each takes seconds, so a shard process is caught running.
    for (let n = 0; n < 4500; n += 1) {
      const date = `${2019 + Math.floor(n / 1500)}-0${1 + (n % 9)}-1${n % 10}`;
      mkdirSync(path.join(content, date), { recursive: true });
      writeFileSync(path.join(content, date, `s${n}.md`), `---\ntitle: 第${n}篇\ndate: ${date}\n---\n\n茂名市第${n}条新闻，记者在现场采访了多位市民。\n`);
    }
    const index = spawn(process.execPath, [
      'src/build/searchIndexProcess.ts', '--out', path.join(root, 'out'), '--content', content,
      '--cache', path.join(root, 'cache'), '--shard-articles', '1500', '--second-worker',
    ], { stdio: ['pipe', 'ignore', 'inherit'] });
    const exited = new Promise((resolve) => index.on('close', resolve));
    // Closing stdin at once starts the second worker, as npm run build does once Astro is done.
    index.stdin.end();
    let shard: number | undefined;
    for (let tries = 0; tries < 400 && shard === undefined; tries += 1) {
      shard = childrenOf(index.pid!, 'searchShardProcess.ts')[0];
      if (shard === undefined) await sleep(25);
    }
    expect(shard, 'a second-worker shard process started').toBeDefined();
    index.kill('SIGTERM');
    await exited;
    for (let tries = 0; tries < 40 && alive(shard!); tries += 1) await sleep(25);
    expect(alive(shard!)).toBe(false);
  }, 60_000);
});
