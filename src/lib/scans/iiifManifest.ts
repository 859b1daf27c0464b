/**
 * The IIIF Presentation 3 manifest of one issue: a canvas per page with an
 * image (painted from the page's IIIF level-0 image service, with the
 * preview as the plain image), and the articles' regions as annotations
 * linking each region to its article page. Mirador and the Universal Viewer
 * open it as it is. Reconstructions say so in every label and summary.
 */
import { siteInfo } from '../../config.ts';
import { formatChineseDate } from '../issueDate.ts';
import { strings } from '../strings.ts';
import { imageServicePath, manifestPath, pageNumberName, pageViewPath, scanImagesPath } from './pagePath.ts';
import type { PrintedPage } from './printedPages.ts';
import { regionSelector } from './region.ts';
import { PREVIEW_WIDTH, fitWidth } from './scanSizes.ts';

const LANG = 'zh-Hans';
const label = (text: string) => ({ [LANG]: [text] });

/** The manifest of the issue `date`, with `absoluteUrl` turning site paths into full URLs. */
export function issueManifest(date: string, pages: readonly PrintedPage[], absoluteUrl: (path: string) => string): Record<string, unknown> {
  const id = absoluteUrl(manifestPath(date));
  const base = id.replace(/manifest\.json$/, '');
  const shown = pages.filter((page) => page.date === date && page.size);
  const reconstructed = shown.some((page) => page.reconstruction);
  const title = `${siteInfo.name} ${formatChineseDate(date)}`;
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id,
    type: 'Manifest',
    label: label(reconstructed ? `${title}（${strings.scans.reconstructionLabel}）` : title),
    ...(reconstructed ? { summary: label(`${strings.scans.reconstructionLabel}。${strings.scans.reconstructionNote}`) } : {}),
    metadata: [
      { label: label('报纸'), value: label(siteInfo.name) },
      { label: label('出版日期'), value: label(date) },
    ],
    requiredStatement: { label: label('来源'), value: label(shown.map((page) => `第${page.page}版：${page.source}`).join('；')) },
    homepage: [{ id: absoluteUrl(`/${date.replaceAll('-', '/')}/`), type: 'Text', label: label(title), format: 'text/html' }],
    items: shown.map((page) => {
      const size = page.size!;
      const canvas = `${base}canvas/${pageNumberName(page.page)}`;
      const preview = fitWidth(size, PREVIEW_WIDTH);
      const pageTitle = strings.scans.pageHeading(page.page, page.section);
      return {
        id: canvas,
        type: 'Canvas',
        label: label(page.reconstruction ? `${pageTitle}（${strings.scans.reconstructionLabel}）` : pageTitle),
        width: size.width,
        height: size.height,
        homepage: [{ id: absoluteUrl(pageViewPath(page.date, page.page)), type: 'Text', label: label(pageTitle), format: 'text/html' }],
        items: [
          {
            id: `${canvas}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/image`,
                type: 'Annotation',
                motivation: 'painting',
                body: {
                  id: absoluteUrl(`${scanImagesPath(page.date, page.page)}preview.jpg`),
                  type: 'Image',
                  format: 'image/jpeg',
                  ...preview,
                  service: [{ id: absoluteUrl(imageServicePath(page.date, page.page)), type: 'ImageService3', profile: 'level0' }],
                },
                target: canvas,
              },
            ],
          },
        ],
        annotations: [
          {
            id: `${canvas}/articles`,
            type: 'AnnotationPage',
            items: page.articles.flatMap(({ article, regions }) =>
              regions.map((region, index) => ({
                id: `${canvas}/articles/${article.slug}-${index + 1}`,
                type: 'Annotation',
                motivation: 'linking',
                body: { id: absoluteUrl(article.permalink), type: 'Text', format: 'text/html', label: label(article.data.title) },
                target: { type: 'SpecificResource', source: { id: canvas, type: 'Canvas' }, selector: regionSelector(region) },
              })),
            ),
          },
        ],
      };
    }),
  };
}
