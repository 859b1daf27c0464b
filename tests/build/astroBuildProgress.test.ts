/**
 * The pages stage's watcher of Astro's output (src/build/buildProgress.ts),
 * on a stand-in for Astro that prints Astro's lines: a cold build's search
 * index waits for `onFirstPage`, so that its memory does not add to Astro's
 * peak while Astro bundles the pages (src/build/pipeline.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runAstroBuildWithProgress } from '../../src/build/buildProgress.ts';

const STAND_IN = `
const lines = ['14:00:00 [build] Building static entrypoints...', '14:00:01 [vite] ✓ built in 1.00s', ' generating static routes ',
  '14:00:02   ├─ /a/index.html (+3ms)', '14:00:02   ├─ /b/index.html (cached)', '14:00:03 [build] 2 page(s) built in 3s'];
let i = 0;
const next = () => { if (i < lines.length) { console.log(lines[i++]); setTimeout(next, 30); } };
next();
`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the watcher of Astro's output", () => {
  it('says once when the first page is written, after the lines before it, and counts the pages', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'astro-progress-'));
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const seenAtFirstPage: string[] = [];
    const status = await runAstroBuildWithProgress({
      command: process.execPath,
      args: ['-e', STAND_IN],
      env: process.env,
      contentDir: dir,
      cacheDir: dir,
      out: out as unknown as NodeJS.WriteStream,
      onFirstPage: () => seenAtFirstPage.push(text),
    });
    expect(status).toBe(0);
    expect(seenAtFirstPage).toHaveLength(1);
    expect(seenAtFirstPage[0]).toContain('generating static routes');
    expect(seenAtFirstPage[0]).not.toContain('page(s) built');
    expect(text).toContain('2 page(s) built');
  });
});
