/**
 * Build stages in a process of their own (src/build/stageProcess.ts): the
 * result comes back as the stage returned it, a stage's error comes back
 * with its message, and a process that ends without a result is an error,
 * not a build that waits for ever.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/build/checkStage.ts';
import { runInStageProcess } from '../../src/build/stageProcess.ts';

function contentFolder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'stage-process-'));
  mkdirSync(path.join(root, 'content'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'content', name), text);
  return root;
}

describe('stage processes', () => {
  it('the check gives the same result in its process as in this one', async () => {
    const root = contentFolder({ 'no-date.md': '---\ntitle: 没有日期\n---\n\n正文。\n', 'ok.md': '---\ntitle: 好\ndate: 2024-01-02\n---\n\n正文。\n' });
    const input = { contentDir: path.join(root, 'content'), pagesDir: path.join(root, 'pages'), cacheDir: path.join(root, 'cache-child') };
    const inChild = await runInStageProcess('check', input).result;
    const here = await runCheck({ ...input, cacheDir: path.join(root, 'cache-here') });
    expect(inChild.failed).toBe(true);
    expect(inChild.output).toContain('no-date.md');
    expect(inChild).toEqual(here);
  });

  it("a stage's error comes back with its message", async () => {
    const root = contentFolder({});
    const missing = path.join(root, 'no-such-sources.json');
    const run = runInStageProcess('index', { sourcesFile: missing, outDir: path.join(root, 'out'), cacheDir: path.join(root, 'cache') });
    await expect(run.result).rejects.toThrow('no-such-sources.json');
  });

  it('a process stopped before its result is an error naming the stage', async () => {
    const root = contentFolder({ 'ok.md': '---\ntitle: 好\ndate: 2024-01-02\n---\n\n正文。\n' });
    const run = runInStageProcess('check', { contentDir: path.join(root, 'content'), pagesDir: path.join(root, 'pages'), cacheDir: path.join(root, 'cache') });
    run.stop();
    await expect(run.result).rejects.toThrow(/the check stage's process ended \(SIGTERM\)/);
  });
});
