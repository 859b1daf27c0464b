/**
 * Runs a build stage (check, index) in a Node process of its own. A process
 * that has read and indexed thousands of articles keeps much of that memory
 * after its work, as garbage and native buffers that V8 and malloc do not
 * give back (docs/performance.md); in the build's own process it stayed
 * resident beside Astro's until the end. A stage process hands it back when
 * it ends, before Astro's pages reach their peak.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LEAN_NODE_FLAGS } from './leanNodeFlags.ts';
import type { StageReply, Stages } from './stageProcessMain.ts';

const MAIN = fileURLToPath(new URL('./stageProcessMain.ts', import.meta.url));

export interface StageRun<T> {
  /** The stage's result; rejected with the stage's error, or when its process ended without one. */
  result: Promise<T>;
  /** Ends the process; its result is then never settled by a reply. */
  stop: () => void;
}

export function runInStageProcess<S extends keyof Stages>(stage: S, input: Parameters<Stages[S]>[0]): StageRun<Awaited<ReturnType<Stages[S]>>> {
  const child = fork(MAIN, [], {
    // Explicit flags: the parent's own (a test runner's loaders, say) are not the stage's.
    // --expose-gc: the index collects each month's garbage (indexStage.ts).
    execArgv: [...LEAN_NODE_FLAGS, '--expose-gc'],
    // glibc gives each thread that allocates (zlib's compressions on libuv's
    // pool) an arena of its own, whose freed memory stays resident: two
    // arenas took the index's peak at 13,000 articles from 336–361 MB to
    // 314–317 MB, for the same time (docs/performance.md).
    env: { MALLOC_ARENA_MAX: '2', ...process.env },
    serialization: 'advanced',
  });
  const result = new Promise<Awaited<ReturnType<Stages[S]>>>((resolve, reject) => {
    let replied = false;
    child.once('message', (reply: StageReply) => {
      replied = true;
      if (reply.ok) resolve(reply.value as Awaited<ReturnType<Stages[S]>>);
      else reject(new Error(reply.message));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!replied) reject(new Error(`the ${stage} stage's process ended (${signal ?? `exit code ${code}`}) without a result`));
    });
  });
  child.send({ stage, input });
  return { result, stop: () => child.kill() };
}
