/**
 * Serves a built site with `python3 -m http.server`, the no-Node way
 * docs/offline.md documents, under a base path (the site folder is linked in as that
 * sub-folder). Undefined when python3 is not installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { TMP_ROOT } from './buildSite.ts';
import type { RunningServer } from '../../scripts/lib/staticServer.ts';
import { childServer } from './childServer.ts';

export const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;

/** Starts python3's static server on a free port; `key` names its folder under tests/.tmp. */
export async function servePython(dist: string, basePath: string, key: string): Promise<RunningServer> {
  let root = path.resolve(dist);
  if (basePath !== '/') {
    root = path.join(TMP_ROOT, key, 'python-root');
    const mounted = path.join(root, basePath.replace(/\/$/, ''));
    rmSync(root, { recursive: true, force: true });
    mkdirSync(path.dirname(mounted), { recursive: true });
    symlinkSync(path.resolve(dist), mounted, 'dir');
  }
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '-d', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`python3 http.server exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return childServer(child, port, basePath);
}
