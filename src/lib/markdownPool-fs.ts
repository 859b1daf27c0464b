/**
 * Renders article bodies in worker threads (src/lib/markdownWorker-fs.ts)
 * while the loader's own thread reads, checks and stores the next files.
 * Rendering every body through unified was the largest serial part of a
 * cold build's content sync, with the machine's second core idle
 * (docs/performance.md). A few bodies, as in an incremental build or a
 * change in `npm run dev`, stay in this thread: starting a worker costs more
 * than rendering them.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';

/** What the loader stores of a render (Astro's RenderedContent). */
export type Rendered = Parameters<LoaderContext['store']['set']>[0]['rendered'];

/** An entry as Astro's Markdown render function takes it. */
export interface RenderEntry {
  id: string;
  data: Record<string, unknown>;
  body: string;
  filePath: string;
  digest: string;
}

export type RenderFunction = (entry: RenderEntry) => Promise<Rendered>;

/** The settings Astro hands the Markdown processor (content-entry-type.js, getRenderFunction). */
export type RendererSettings = Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'gfm' | 'smartypants'>;

export interface RenderJob {
  id: number;
  body: string;
  frontmatter: Record<string, unknown>;
  filePath: string;
}

export type RenderReply = { id: number; rendered: Rendered; error?: undefined } | { id: number; error: string };

/** The processor settings of an Astro config, as the worker rebuilds them. */
export function rendererSettings(config: LoaderContext['config']): RendererSettings {
  const { markdown, image } = config;
  return {
    image: { domains: image.domains, remotePatterns: image.remotePatterns },
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  };
}

export interface ParallelRenderer {
  render: RenderFunction;
  /** Stops the workers; later renders run in this thread. */
  close(): Promise<void>;
}

export interface ParallelOptions {
  /** Bodies rendered in this thread before the workers start. */
  threshold?: number;
  /** Worker threads; by default one per core beside the loader's own. */
  workers?: number;
}

/** Bodies waiting in a worker before this thread renders the next one itself. */
const QUEUE_PER_WORKER = 32;

/** Path of the worker's module: a path, not `new URL(…, import.meta.url)`, which Vite would bundle as an asset. */
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'markdownWorker-fs.ts');

/**
 * Renders with `renderHere` until more than `threshold` bodies were asked
 * for, then in worker threads, with the processor `settings` read then. A worker that fails (it cannot start, or a
 * body fails there) hands its bodies back to `renderHere`, so an error is
 * reported as Astro's render function reports it.
 */
export function parallelRenderer(renderHere: RenderFunction, settings: () => RendererSettings, options: ParallelOptions = {}): ParallelRenderer {
  const { threshold = 50, workers: size = Math.max(1, availableParallelism() - 1) } = options;
  let asked = 0;
  let closed = false;
  let nextId = 0;
  let started = false;
  const pool: Array<{ worker: Worker; busy: number }> = [];
  const waiting = new Map<number, { resolve: (rendered: Rendered) => void; reject: (error: Error) => void }>();

  function start() {
    for (let index = 0; index < size; index++) {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_FILE, { workerData: settings() });
      } catch {
        // Settings that cannot be copied to a thread (a function in shikiConfig): render here.
        return;
      }
      worker.unref();
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: RenderReply) => {
        slot.busy--;
        const job = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.error === undefined) job?.resolve(reply.rendered);
        else job?.reject(new Error(reply.error));
      });
      worker.on('error', (error) => {
        // Its jobs are not known one by one: fail every waiting job, each then renders here.
        pool.splice(pool.indexOf(slot), 1);
        for (const job of waiting.values()) job.reject(error);
        waiting.clear();
      });
      pool.push(slot);
    }
  }

  function inWorker(entry: RenderEntry): Promise<Rendered> {
    const slot = pool.reduce((least, other) => (other.busy < least.busy ? other : least));
    const id = nextId++;
    slot.busy++;
    const job: RenderJob = { id, body: entry.body, frontmatter: entry.data, filePath: entry.filePath };
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  return {
    render(entry) {
      asked++;
      if (closed || asked <= threshold) return renderHere(entry);
      if (!started) {
        started = true;
        start();
      }
      // This thread renders too whenever every worker has enough queued: it
      // would otherwise wait for them once its reading is done.
      if (pool.length === 0 || pool.every(({ busy }) => busy >= QUEUE_PER_WORKER)) return renderHere(entry);
      return inWorker(entry).catch(() => renderHere(entry));
    },
    async close() {
      closed = true;
      await Promise.all(pool.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}
