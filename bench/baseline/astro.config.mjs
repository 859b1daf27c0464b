// @ts-check
// The benchmark's baseline: Astro with its defaults and plain article pages,
// indexed afterwards by the Pagefind CLI with its defaults. It reuses the
// root project's node_modules, so it compares like versions with like.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BASELINE_OUT_DIR ?? './dist',
  cacheDir: process.env.BASELINE_CACHE_DIR ?? './.astro-cache',
  devToolbar: { enabled: false },
});
