/**
 * A download that stalls is given up (src/offline/storeFile.ts): a host that
 * accepts the connection and never answers, or stops in the middle of a body,
 * must not keep the worker's install or the reader's save waiting for ever.
 * A slow body that keeps arriving is not cut off. Against a real HTTP server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../src/offline/storeFile.ts';

const STALL_MS = 300;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/silent') return; // accepts, never answers
    if (request.url === '/half') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('前半');
      return; // the rest never comes
    }
    if (request.url === '/slow') {
      // Ten pieces, one every STALL_MS / 3: slow, but never silent for STALL_MS.
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      let sent = 0;
      const timer = setInterval(() => {
        response.write('段');
        sent += 1;
        if (sent === 10) {
          clearInterval(timer);
          response.end();
        }
      }, STALL_MS / 3);
      return;
    }
    response.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** The part of a Cache that storeFile uses. */
function memoryCache() {
  const stored = new Map<string, string>();
  const cache = {
    put: async (key: RequestInfo | URL, response: Response) => {
      stored.set(String(key), await response.text());
    },
  } as unknown as Cache;
  return { cache, stored };
}

describe('storeFile', () => {
  it('gives up on a host that never answers, as a network failure', async () => {
    const { cache, stored } = memoryCache();
    const started = performance.now();
    expect(await storeFile(cache, `${base}/silent`, { stallMs: STALL_MS })).toEqual({ url: `${base}/silent`, reason: 'network' });
    expect(performance.now() - started).toBeLessThan(STALL_MS * 10);
    expect(stored.size).toBe(0);
  });

  it('gives up on a body that stops arriving, and stores nothing of it', async () => {
    const { cache, stored } = memoryCache();
    expect(await storeFile(cache, `${base}/half`, { stallMs: STALL_MS })).toEqual({ url: `${base}/half`, reason: 'network' });
    expect(stored.size).toBe(0);
  });

  it('stores a slow body that keeps arriving, longer in all than the stall limit', async () => {
    const { cache, stored } = memoryCache();
    expect(await storeFile(cache, `${base}/slow`, { stallMs: STALL_MS })).toBeUndefined();
    expect(stored.get(`${base}/slow`)).toBe('段'.repeat(10));
  });

  it('without AbortSignal.any (Safari before 17.4), still gives up on silence and still hears the caller', async () => {
    const any = AbortSignal.any;
    // @ts-expect-error: the browsers that lack it
    delete AbortSignal.any;
    try {
      const { cache } = memoryCache();
      const controller = new AbortController();
      expect(await storeFile(cache, `${base}/silent`, { stallMs: STALL_MS, signal: controller.signal })).toEqual({ url: `${base}/silent`, reason: 'network' });
      setTimeout(() => controller.abort(new DOMException('stopped', 'AbortError')), 50);
      await expect(storeFile(cache, `${base}/silent`, { stallMs: 10_000, signal: controller.signal })).rejects.toThrow('stopped');
    } finally {
      AbortSignal.any = any;
    }
  });

  it('still throws when the caller aborts', async () => {
    const { cache } = memoryCache();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('stopped', 'AbortError')), 50);
    await expect(storeFile(cache, `${base}/silent`, { stallMs: 10_000, signal: controller.signal })).rejects.toThrow('stopped');
  });
});
