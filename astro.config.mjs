// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { siteConfig, toolSettings } from './src/config.ts';
import { markdownOptions } from './src/plugins/markdownOptions.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import contentCheckDev from './src/integrations/contentCheckDev.ts';
import sitemap from '@astrojs/sitemap';
import { PHOTO_ENCODERS } from './src/lib/photoLimits.ts';
import imagePrivacy from './src/integrations/imagePrivacy.ts';
import contentStoreVersion from './src/integrations/contentStoreVersion.ts';
import dataStoreFromFile from './src/integrations/dataStoreFromFile.ts';
import buildThroughPipeline from './src/integrations/buildThroughPipeline.ts';
import pageScans from './src/integrations/pageScans.ts';

export default defineConfig({
  site: siteConfig.siteUrl,
  base: siteConfig.basePath,
  trailingSlash: 'always',
  // Tests and the atomic build script write elsewhere, then swap the folder in.
  outDir: toolSettings.astroOutDir,
  cacheDir: toolSettings.cacheDir,
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No inline scripts under the CSP: a 0 limit makes Astro emit every script as a file.
  // The build's staging folder starts with the last build's pages, for Astro
  // to keep the unchanged ones (src/build/stagingFolder.ts): Astro must not empty it.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  markdown: {
    syntaxHighlight: false,
    processor: unified(markdownOptions),
  },
  integrations: [buildThroughPipeline(), contentStoreVersion(), dataStoreFromFile(), pagefindIndex(), sitemap(), contentCheckDev(), pageScans(), imagePrivacy()],
  devToolbar: { enabled: false },
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: PHOTO_ENCODERS } },
  // Rebuilds render only pages whose code, content or cacheKey changed; the
  // rest are restored from cacheDir (kept between builds). See docs/architecture.md, "The build at scale".
  experimental: { incrementalBuild: true },
});
