/**
 * A worker thread of src/lib/markdownPool-fs.ts: renders article bodies with
 * the site's unified pipeline, built the way Astro's Markdown entry type
 * builds it (astro/dist/vite-plugin-markdown/content-entry-type.js): the
 * same processor (`unified(markdownOptions)`, as in astro.config.mjs), the
 * same settings, the same result shape. So a body rendered here is the HTML
 * and search text Astro's own render function would store.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from '../plugins/markdownOptions.ts';
import type { RenderJob, RenderReply, RendererSettings } from './markdownPool-fs.ts';

const processor = await unified(markdownOptions).createRenderer(workerData as RendererSettings);

parentPort!.on('message', async ({ id, body, frontmatter, filePath }: RenderJob) => {
  let reply: RenderReply;
  try {
    const result = await processor.render(body, { frontmatter, fileURL: pathToFileURL(filePath) });
    reply = {
      id,
      rendered: {
        html: result.code,
        metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
      },
    };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
