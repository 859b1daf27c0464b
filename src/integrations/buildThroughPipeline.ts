/**
 * Astro integration: `astro build` on its own is refused, with the command
 * to use instead. The archive's build is more than Astro's pages: the
 * content check, the search index and offline support (sw.js, the offline
 * manifest) are stages of src/build/pipeline.ts, which runs Astro as its
 * pages stage. A plain `astro build` would make a different site that
 * cannot be read offline, so it never makes one.
 */
import type { AstroIntegration } from 'astro';
import { toolSettings } from '../config.ts';

export const BUILD_REFUSED = [
  '请用 npm run build 构建档案：单独的 astro build 不做内容检查、检索索引和离线支持，做出的站点不完整。',
  'Build the archive with `npm run build`: a plain `astro build` skips the content check, the search index',
  'and offline support (sw.js, offline-manifest.json), so it would make a different site. See docs/architecture.md.',
].join('\n');

export default function buildThroughPipeline(): AstroIntegration {
  return {
    name: 'archive-build-through-pipeline',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // The pipeline starts Astro with this setting; nothing else does.
        if (command !== 'build' || toolSettings.searchIndexExternal) return;
        logger.error(BUILD_REFUSED);
        // A refusal, not a crash: no stack trace.
        process.exit(1);
      },
    },
  };
}
