/**
 * Serves a built site with `astro preview`, as `npm run preview` does: the
 * same Astro config, so the same base path and trailing-slash rules (it
 * answers 404 for _headers, like Netlify and Cloudflare Pages).
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { RunningServer } from '../../scripts/lib/staticServer.ts';
import { childServer } from './childServer.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** The environment a user's shell has: vitest's DEV, MODE, NODE_ENV… would reach Astro's config. */
function userEnv(): NodeJS.ProcessEnv {
  const { DEV, PROD, MODE, SSR, BASE_URL, NODE_ENV, TEST, VITEST, ...env } = process.env;
  return env;
}

/** Starts `astro preview` on a free port for the site built into `dist` under `basePath`. */
export async function servePreview(dist: string, basePath = '/'): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...userEnv(), ARCHIVE_OUT_DIR: dist, BASE_PATH: basePath, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro preview did not start in 60 s:\n${log}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro preview exited with ${code}:\n${log}`));
    });
    const listen = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
  });
  return childServer(child, port, basePath);
}
