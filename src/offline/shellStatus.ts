/**
 * How the pages learn whether the worker's shell precache is complete: a page
 * posts a ShellStatusRequest with a MessagePort; the worker stores whatever
 * shell file is still missing (so each visit online retries what an earlier
 * install could not get) and answers with a ShellStatus on that port.
 */
import type { StoreFailure } from './storeFile.ts';

export const SHELL_STATUS_REQUEST = 'shell-status';

export interface ShellStatusRequest {
  type: typeof SHELL_STATUS_REQUEST;
}

/** The worker's answer, posted to the page that asked. */
export interface ShellStatusReply {
  type: typeof SHELL_STATUS_REQUEST;
  status: ShellStatus;
}

export interface ShellStatus {
  /** Files in the precache list (the shell, and the whole archive when it is small). */
  total: number;
  /** Of those, stored on this device. */
  cached: number;
  /** Why each missing one could not be stored on the latest try. */
  failures: StoreFailure[];
}

/** Asks the active worker to fill the shell's gaps; undefined without a worker or after `timeoutMs`. */
export async function requestShellStatus(timeoutMs = 60_000): Promise<ShellStatus | undefined> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return undefined;
  return new Promise((resolve) => {
    const done = (status: ShellStatus | undefined) => {
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('message', listen);
      resolve(status);
    };
    const listen = (event: MessageEvent<ShellStatusReply>) => {
      if (event.data?.type === SHELL_STATUS_REQUEST) done(event.data.status);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    navigator.serviceWorker.addEventListener('message', listen);
    const request: ShellStatusRequest = { type: SHELL_STATUS_REQUEST };
    worker.postMessage(request);
  });
}
