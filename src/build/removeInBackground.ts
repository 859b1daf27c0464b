/**
 * Deletes a folder in a detached process, so the build can finish while the
 * previous site's tens of thousands of files are removed (about 10 s for a
 * 20,000-article archive). The folder must already be out of the way
 * (renamed): nothing reads it any more. A deletion cut short leaves the
 * folder behind; removeLeftovers starts over on such folders at the next build.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function removeInBackground(dir: string): void {
  const child = spawn(
    process.execPath,
    ['-e', `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true, maxRetries: 3 })`],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
}

/** Removes, in the background too, siblings of `base` named `<name of base><suffix>…` that an earlier removal left. */
export function removeLeftovers(base: string, suffix: string): void {
  const parent = path.dirname(base);
  const prefix = `${path.basename(base)}${suffix}`;
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    // No parent folder yet: nothing left over.
  }
  for (const name of names.filter((entry) => entry.startsWith(prefix))) removeInBackground(path.join(parent, name));
}
