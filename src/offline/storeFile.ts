/**
 * Downloads one file into a cache, and when it cannot, says why: the server
 * answered an error, the network failed, or the device is out of space. The
 * worker's shell precache and the /offline/ page's save both use it, so one
 * file that fails is only ever one failure among the others, never a thrown
 * error that stops the rest (docs/offline.md).
 */
import { revisionOf } from './revision.ts';

/** 'changed': the server sent other content than the build that listed the file (a newer deploy). */
export type StoreFailureReason = 'http' | 'network' | 'storage' | 'changed';

export interface StoreFailure {
  /** The absolute URL that was requested. */
  url: string;
  reason: StoreFailureReason;
  /** The HTTP status, for reason 'http'. */
  status?: number;
}

export interface StoreOptions {
  /** Cache key, when not the URL itself (Workbox keys precached files by revision). */
  key?: string;
  /** Fetch cache mode: 'reload' for revisioned files, 'no-store' for the save (sw.ts leaves those alone). */
  cache?: RequestCache;
  /** The content's revision (src/offline/revision.ts) as the build listed it: other content is not stored. */
  revision?: string;
  signal?: AbortSignal;
  /** An attempt that receives nothing for this long fails as a network failure (STALL_MS). */
  stallMs?: number;
}

/**
 * A download that has received nothing for this long is given up (and tried
 * again): on lie-fi, or from a host that accepts a connection and never
 * answers, a fetch can wait for ever, and one such file kept the worker's
 * install, or the reader's save, from ever finishing. Counted from the last
 * byte, not from the start, so a large scan on a slow but working network
 * is never cut off.
 */
export const STALL_MS = 30_000;

/** Fails with a TimeoutError after `ms` without a call to `touch`. */
function stallWatch(ms: number) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException(`nothing received for ${ms} ms`, 'TimeoutError')), ms);
  };
  touch();
  return { signal: controller.signal, touch, stop: () => clearTimeout(timer) };
}

/** Aborted when either is. AbortSignal.any is missing before Safari 17.4 (iPhones kept on iOS 16). */
function eitherSignal(first: AbortSignal, second: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([first, second]);
  const controller = new AbortController();
  for (const signal of [first, second]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/** The same response, whose body calls `touch` on every chunk that arrives. */
function watched(response: Response, touch: () => void): Response {
  if (!response.body) return response;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        touch();
        controller.enqueue(chunk);
      },
    }),
  );
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // A Response made here is never "redirected"; the caller needs to know.
  Object.defineProperty(copy, 'redirected', { value: response.redirected });
  return copy;
}

/** Tries each file this many times when the failure may pass (network, 408, 429, 5xx). */
export const STORE_ATTEMPTS = 3;
const RETRY_DELAYS_MS = [1000, 3000];

const isTransient = (failure: StoreFailure) =>
  failure.reason === 'network' || (failure.status !== undefined && (failure.status === 408 || failure.status === 429 || failure.status >= 500));

function aborted(signal: AbortSignal | undefined, error: unknown): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

/** One attempt. Throws only when `signal` was aborted. */
async function storeOnce(cache: Cache, url: string, options: StoreOptions): Promise<StoreFailure | undefined> {
  const stall = stallWatch(options.stallMs ?? STALL_MS);
  try {
    return await attempt(cache, url, options, stall);
  } finally {
    stall.stop();
  }
}

async function attempt(cache: Cache, url: string, options: StoreOptions, stall: ReturnType<typeof stallWatch>): Promise<StoreFailure | undefined> {
  const signal = options.signal ? eitherSignal(options.signal, stall.signal) : stall.signal;
  // Given up for silence: a network failure, to be tried again, not the caller's abort.
  const callerAborted = (error: unknown) => options.signal?.aborted === true || (!stall.signal.aborted && aborted(undefined, error));
  let response: Response;
  try {
    response = watched(await fetch(url, { cache: options.cache, credentials: 'same-origin', signal }), stall.touch);
  } catch (error) {
    if (callerAborted(error)) throw error;
    return { url, reason: 'network' };
  }
  stall.touch();
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { url, reason: 'http', status: response.status };
  }
  try {
    let stored = response;
    // A redirected response cannot answer a navigation from the cache, and a checked body is already read: store a plain copy.
    if (response.redirected || options.revision) {
      const body = await response.arrayBuffer();
      if (options.revision && (await revisionOf(body)) !== options.revision) return { url, reason: 'changed' };
      stored = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    await cache.put(options.key ?? url, stored);
    return undefined;
  } catch (error) {
    if (callerAborted(error)) throw error;
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return { url, reason: 'storage' };
    // The body broke off mid-download.
    return { url, reason: 'network' };
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * Stores `url` in `cache`, retrying failures that may pass; resolves with the
 * last failure, or undefined once stored. Throws only when `signal` is aborted.
 */
export async function storeFile(cache: Cache, url: string, options: StoreOptions = {}): Promise<StoreFailure | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const failure = await storeOnce(cache, url, options);
    // Offline, waiting to try again only delays telling the reader; the page resumes once the network is back.
    if (!failure || !isTransient(failure) || attempt === STORE_ATTEMPTS || !navigator.onLine) return failure;
    await wait(RETRY_DELAYS_MS[attempt - 1] ?? 3000, options.signal);
  }
}

/** Stores every item with `concurrency` downloads at a time; resolves with the failures, in no particular order. */
export async function storeAll<T>(
  items: T[],
  store: (item: T) => Promise<StoreFailure | undefined>,
  concurrency: number,
  signal?: AbortSignal,
): Promise<StoreFailure[]> {
  const queue = [...items];
  const failures: StoreFailure[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined && !signal?.aborted; item = queue.shift()) {
      try {
        const failure = await store(item);
        if (failure) failures.push(failure);
      } catch (error) {
        if (!aborted(signal, error)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}
