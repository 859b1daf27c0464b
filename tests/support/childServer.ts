/** A RunningServer for a server process the tests started (python3's, astro preview's): stopping it ends the process. */
import type { ChildProcess } from 'node:child_process';
import type { RunningServer } from '../../scripts/lib/staticServer.ts';

export function childServer(child: ChildProcess, port: number, basePath: string): RunningServer {
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (sitePath) => origin + basePath + sitePath.replace(/^\/+/, ''),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
