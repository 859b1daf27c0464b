/**
 * The build as stages (src/build/pipeline.ts): a failing stage comes back as
 * a result naming the stage, with the message the command prints, and the
 * previous output stays; a plain `astro build` is refused with the command
 * to use instead. (tests/build/editorsBuild.test.ts runs the whole command.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/build/pipeline.ts';
import { BUILD_REFUSED } from '../../src/integrations/buildThroughPipeline.ts';
import { TMP_ROOT } from '../support/buildSite.ts';

const ROOT = path.join(TMP_ROOT, 'pipeline');

describe('build pipeline', () => {
  it('a content error ends the build at the check stage, as a result, and keeps the previous output', async () => {
    rmSync(ROOT, { recursive: true, force: true });
    const content = path.join(ROOT, 'content');
    const outDir = path.join(ROOT, 'dist');
    mkdirSync(content, { recursive: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'index.html'), 'previous site');
    writeFileSync(path.join(content, 'no-date.md'), '---\ntitle: 没有日期\n---\n\n正文。\n');
    const result = await buildArchive({ outDir, contentDir: content, pagesDir: path.join(ROOT, 'pages'), cacheDir: path.join(ROOT, 'cache'), offlineAutoSaveMaxBytes: 2 * 1024 * 1024 });
    expect(result).toEqual({ ok: false, stage: 'check', message: expect.stringContaining('no-date.md') });
    expect(result.ok ? '' : result.message).toContain('date');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
  });

  it('a plain `astro build` is refused with the command to use, no stack trace', () => {
    const { ARCHIVE_SEARCH_INDEX_EXTERNAL: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      encoding: 'utf8',
      env: { ...env, ARCHIVE_OUT_DIR: path.join(ROOT, 'astro-alone'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(BUILD_REFUSED.split('\n')[0]);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
