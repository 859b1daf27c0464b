/**
 * The build's data store module (src/integrations/dataStoreFromFile.ts):
 * the value it gives is the one Astro's own module would, and its Vite
 * plugin replaces only that module, only in a build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import dataStoreFromFile, { dataStoreModuleCode } from '../../src/integrations/dataStoreFromFile.ts';
import { DATA_STORE_MODULE_ID } from '../../src/lib/astroInternals.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'data-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Imports module code as Node would run it in the server bundle. */
async function valueOf(code: string): Promise<unknown> {
  const file = path.join(folder, `module-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)).default;
}

/** The Vite plugin the integration adds for `command`, or none. */
function pluginFor(command: 'build' | 'dev', cacheDir: URL) {
  let plugins: { transform: (code: string, id: string) => unknown }[] = [];
  const setup = dataStoreFromFile().hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({
    command,
    config: { cacheDir, experimental: {} },
    updateConfig: (update: { vite: { plugins: typeof plugins } }) => {
      plugins = update.vite.plugins;
    },
  });
  return plugins[0];
}

describe('the data store read from its file', () => {
  // The shape Astro writes (devalue's flattened form); the module only parses it.
  const storeText = JSON.stringify([[1], ['Map', 2], 'articles', { title: '茂名晚报 "引号" \\ \u2028' }]);
  const storeFile = path.join(folder, 'data-store.json');
  writeFileSync(storeFile, storeText);

  it("gives the value of Astro's own module for the same file", async () => {
    const astrosCode = `export default JSON.parse(${JSON.stringify(storeText)})`;
    expect(await valueOf(dataStoreModuleCode(storeFile))).toEqual(await valueOf(astrosCode));
  });

  it('gives an empty store when none was written, as Astro does', async () => {
    expect(await valueOf(dataStoreModuleCode(path.join(folder, 'none', 'data-store.json')))).toEqual(new Map());
  });

  it('replaces that module only, and only in a build', () => {
    const cacheDir = pathToFileURL(`${folder}/`);
    const plugin = pluginFor('build', cacheDir);
    const replaced = plugin!.transform('export default JSON.parse("[…]")', DATA_STORE_MODULE_ID) as { code: string };
    expect(replaced.code).toBe(dataStoreModuleCode(storeFile));
    expect(plugin!.transform('export default 1', '/src/pages/index.astro')).toBeNull();
    expect(pluginFor('dev', cacheDir)).toBeUndefined();
  });
});
