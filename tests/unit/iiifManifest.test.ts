/**
 * The manifest builder on a page with a real scan and a polygon region: no
 * reconstruction wording, an SvgSelector for the polygon, an xywh fragment
 * for the rectangle, and @iiif/parser reads it without warnings.
 */
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/articles.ts';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { issueManifest } from '../../src/lib/scans/iiifManifest.ts';
import type { PrintedPage } from '../../src/lib/scans/printedPages.ts';

const regions = [{ points: [[10, 10], [900, 10], [900, 600], [400, 1200], [10, 1200]] }, { x: 1000, y: 10, width: 500, height: 800 }];
const data = articleSchema.parse({ title: '测试文章', date: '2023-06-01', page: 2, regions });
const article = { id: 'a', file: 'a.md', slug: 'a', permalink: '/2023/06/01/a/', data } as unknown as Article;
const page: PrintedPage = {
  date: '2023-06-01',
  page: 2,
  section: '城事',
  source: '报社资料室藏纸本',
  reconstruction: false,
  publishScan: false,
  size: { width: 5000, height: 8000 },
  articles: [{ article, regions: data.regions }],
};
const manifest = issueManifest('2023-06-01', [page], (path) => `https://archive.example.org${path}`) as Record<string, any>;

describe('the IIIF manifest of a scanned page', () => {
  it('parses with @iiif/parser without warnings', () => {
    const warnings: string[] = [];
    presentation3StrictUpgrade(structuredClone(manifest) as never, { warnings });
    expect(warnings).toEqual([]);
    expect(Object.keys(normalize(structuredClone(manifest)).entities.Canvas)).toEqual(['https://archive.example.org/iiif/2023-06-01/canvas/02']);
  });

  it('says nothing of a reconstruction, and names the source', () => {
    expect(JSON.stringify(manifest)).not.toContain('示意版面');
    expect(manifest.requiredStatement.value['zh-Hans'][0]).toBe('第2版：报社资料室藏纸本');
  });

  it('targets the polygon with an SVG selector and the rectangle with xywh', () => {
    const [polygon, rectangle] = manifest.items[0].annotations[0].items;
    expect(polygon.target.selector).toEqual({ type: 'SvgSelector', value: '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="10,10 900,10 900,600 400,1200 10,1200"/></svg>' });
    expect(rectangle.target.selector.value).toBe('xywh=1000,10,500,800');
    expect(polygon.body.id).toBe('https://archive.example.org/2023/06/01/a/');
  });

  it('paints the 1,200 px preview with the level-0 service for zooming', () => {
    const body = manifest.items[0].items[0].items[0].body;
    expect(body).toMatchObject({ width: 1200, height: 1920, service: [{ id: 'https://archive.example.org/iiif/2023-06-01/02', type: 'ImageService3', profile: 'level0' }] });
  });
});
