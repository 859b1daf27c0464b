/** /iiif/YYYY-MM-DD/manifest.json: the issue's IIIF Presentation 3 manifest (src/lib/scans/iiifManifest.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPrintedPages } from '../../../lib/scans/printedPages.ts';
import { issueManifest } from '../../../lib/scans/iiifManifest.ts';
import { absoluteUrl } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const pages = await getPrintedPages();
  const dates = [...new Set(pages.filter((page) => page.size).map((page) => page.date))];
  return dates.map((date) => ({ params: { date }, props: { pages: pages.filter((page) => page.date === date) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(JSON.stringify(issueManifest(params.date!, props.pages, absoluteUrl), null, 2), {
    headers: { 'content-type': 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"' },
  });
