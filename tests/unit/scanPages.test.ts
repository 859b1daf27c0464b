/**
 * The printed pages as content: the page files, their paths, the article
 * regions, and the seed page's OCR source kept inside the archive itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPagesDir, parseSiteConfig } from '../../src/config.ts';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { pageFromPath, pageViewPath, imageServicePath, manifestPath } from '../../src/lib/scans/pagePath.ts';
import { readPages } from '../../src/lib/scans/readPages-fs.ts';
import { regionBox, regionFits, regionsBox, regionSelector, svgPoints } from '../../src/lib/scans/region.ts';
import { wrapText } from '../../src/lib/scans/reconstructionSvg.ts';
import { pageImage } from '../../src/lib/scans/scanImages-fs.ts';
import { readArticleSource } from '../../src/lib/articleSources-fs.ts';
import { SEED_FILE } from '../support/seedSource.ts';

describe('the seed page in the archive', () => {
  it('keeps the OCR source inside the project, named by its page file', () => {
    const root = path.resolve('.');
    expect(path.relative(root, SEED_FILE)).toBe(path.join('content', 'pages', '2022', '02-24', '01.txt'));
    const { pages, problems } = readPages('content/pages');
    expect(problems).toEqual([]);
    const page = pages.find((item) => item.date === '2022-02-24' && item.page === 1)!;
    expect(page.ocrFile).toBe(SEED_FILE);
    expect(page.data.source).toContain('01.txt');
    expect(page.data.reconstruction).toEqual({ width: 2400, height: 3400 });
    expect(readFileSync(SEED_FILE, 'utf8')).toContain('茂名晚报讯 记者梁奈');
  });
});

describe('page paths', () => {
  it('reads the date and page from YYYY/MM-DD/NN', () => {
    expect(pageFromPath('2022/02-24/01.yml')).toEqual({ date: '2022-02-24', page: 1 });
    expect(pageFromPath('/x/content/pages/2022/02-24/12.txt')).toEqual({ date: '2022-02-24', page: 12 });
    expect(pageFromPath('2022/02-24/front.yml')).toBeUndefined();
  });

  it('names the page view and the IIIF files', () => {
    expect(pageViewPath('2022-02-24', 1)).toBe('/2022/02/24/pages/01/');
    expect(imageServicePath('2022-02-24', 3)).toBe('/iiif/2022-02-24/03');
    expect(manifestPath('2022-02-24')).toBe('/iiif/2022-02-24/manifest.json');
  });

  it('finds the pages folder beside the articles, or where ARCHIVE_PAGES_DIR says', () => {
    expect(defaultPagesDir('content/articles')).toBe('content/pages');
    expect(defaultPagesDir('/srv/other/articles/')).toBe('/srv/other/pages');
    expect(parseSiteConfig({}).pagesDir).toBe('content/pages');
    expect(parseSiteConfig({ ARCHIVE_CONTENT_DIR: 'archive/texts' }).pagesDir).toBe('archive/pages');
    expect(parseSiteConfig({ ARCHIVE_PAGES_DIR: 'scans' }).pagesDir).toBe('scans');
  });
});

describe('article regions', () => {
  const base = { title: 't', date: '2022-02-24', page: 1 };

  it('accepts rectangles and polygons in the scan pixels', () => {
    const data = articleSchema.parse({
      ...base,
      regions: [{ x: 10, y: 20, width: 100, height: 50 }, { points: [[0, 0], [40, 0], [40, 90], [0, 90]] }],
    });
    expect(data.regions).toHaveLength(2);
    expect(regionsBox(data.regions)).toEqual({ x: 0, y: 0, width: 110, height: 90 });
  });

  it('refuses a polygon of two points and a negative coordinate', () => {
    expect(articleSchema.safeParse({ ...base, regions: [{ points: [[0, 0], [1, 1]] }] }).success).toBe(false);
    expect(articleSchema.safeParse({ ...base, regions: [{ x: -1, y: 0, width: 5, height: 5 }] }).success).toBe(false);
  });

  it('knows whether a region fits the scan, and writes SVG points and IIIF selectors', () => {
    const polygon = { points: [[5, 5], [50, 5], [30, 60]] as Array<[number, number]> };
    expect(regionFits(polygon, { width: 50, height: 60 })).toBe(true);
    expect(regionFits({ x: 0, y: 0, width: 51, height: 1 }, { width: 50, height: 60 })).toBe(false);
    expect(regionBox(polygon)).toEqual({ x: 5, y: 5, width: 45, height: 55 });
    expect(svgPoints(polygon)).toBe('5,5 50,5 30,60');
    expect(regionSelector({ x: 1, y: 2, width: 3, height: 4 })).toMatchObject({ type: 'FragmentSelector', value: 'xywh=1,2,3,4' });
    expect(regionSelector(polygon)).toMatchObject({ type: 'SvgSelector' });
  });
});

const SEED_ARTICLE = 'content/articles/2022/02-24/shi-zong-gonghui-quanwei-huiyi.md';
const seedArticle = () => readArticleSource(SEED_ARTICLE, readFileSync(SEED_ARTICLE));

/** The seed's page 1 as the reconstruction draws it (its SVG) with one article, of this body. */
async function seedPageDrawnWith(body: string): Promise<string> {
  const page = readPages('content/pages').pages.find((item) => item.date === '2022-02-24' && item.page === 1)!;
  const image = await pageImage(page, [{ slug: 'shi-zong-gonghui-quanwei-huiyi', source: { ...seedArticle(), body } }]);
  return image!.identity.toString('utf8');
}

describe('the reconstruction', () => {
  it('sets Chinese text within the width, a line break allowed between any two characters', () => {
    expect(wrapText('一二三四五六七', 3)).toEqual(['一二三', '四五六', '七']);
    // Digits are about half as wide as characters.
    expect(wrapText('2025年底', 3)).toEqual(['2025', '年底']);
  });

  it('starts no line with closing punctuation and ends none with an opening mark, as a typesetter would', () => {
    // Character by character, 。 would start the second line and “ end the first.
    expect(wrapText('观看云海。好', 4)).toEqual(['观看云', '海。好']);
    expect(wrapText('他们享受“环观”', 5)).toEqual(['他们享', '受“环观”']);
    for (const line of wrapText('前天一大早，就有十几名户外爱好者冒着严寒登上浮山岭顶。风起云涌，他们享受了“360度环观云海”最佳感觉（记者）……', 7)) {
      expect(line, line).not.toMatch(/^[。，、；：？！）》”…]/);
      expect(line, line).not.toMatch(/[（《“]$/);
    }
  });

  it("draws each article's text as its page shows it, not its Markdown", async () => {
    const source = seedArticle();
    // The seed's OCR text has "2月 24日"; the page drops that space (rehype-ocr-spaces).
    expect(source.body).toContain('2月 24日上午');
    const body = `${source.body}\n\n会议强调**加粗的话**，见[附件](https://example.org/)[^1]。\n\n[^1]: 脚注的话。\n`;
    const svg = await seedPageDrawnWith(body);
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join('');
    expect(drawn).toContain('2月24日上午');
    expect(drawn).toContain('加粗的话');
    expect(drawn).toContain('脚注的话');
    expect(drawn).not.toMatch(/\*\*|\]\(|\[\^1\]/);
  });

  it('draws nothing for an article with an empty body, not a line of indent', async () => {
    const svg = await seedPageDrawnWith('');
    expect(svg).not.toContain('>\u3000\u3000<');
  });
});
