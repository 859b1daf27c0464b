/**
 * The built site holds the source page's three bodies verbatim: the Markdown
 * files character for character, the pages the same text as typeset for
 * reading (only the OCR's spaces between Han and digits or letters removed,
 * src/plugins/rehype-ocr-spaces.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { withoutOcrSpaces } from '../../src/lib/cjkText.ts';
import { fixtureSite } from '../support/fixtureSites.ts';
import { SEED_PIECES, expectedBody } from '../support/seedSource.ts';

const dist = await fixtureSite('seed');

function page(permalink: string) {
  const html = readFileSync(path.join(dist, permalink, 'index.html'), 'utf8');
  return parseHTML(html).document;
}

/** The Markdown body of a seed article, paragraphs joined. */
function sourceBody(file: string): string {
  const text = readFileSync(path.resolve('content/articles/2022/02-24', `${file}.md`), 'utf8');
  return text.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n{2,}/).map((p) => p.trim()).join('');
}

describe('seed articles in the built site', () => {
  for (const piece of SEED_PIECES) {
    it(`${piece.file}: the Markdown source is the OCR text character for character`, () => {
      expect(sourceBody(piece.file)).toBe(expectedBody(piece));
    });

    it(`${piece.file}: body matches the source character for character, OCR spaces typeset`, () => {
      const document = page(piece.permalink);
      const paragraphs = [...document.querySelectorAll('.article-body p')].map((p) => p.textContent ?? '');
      expect(paragraphs.length).toBeGreaterThan(1);
      // No paragraph carries a stray line break or leading/trailing space.
      for (const paragraph of paragraphs) expect(paragraph).toBe(paragraph.trim().replace(/\n/g, ''));
      expect(paragraphs.join('')).toBe(withoutOcrSpaces(expectedBody(piece)));
    });

    it(`${piece.file}: headline, Chinese date with weekday and source line`, () => {
      const document = page(piece.permalink);
      expect(document.querySelector('h1')?.textContent).toContain(piece.title);
      expect(document.querySelector('.article-meta')?.textContent).toContain('2022年2月24日 星期四');
      // All three are printed on page 1 (content/pages/2022/02-24/01.yml).
      expect(document.querySelector('.source-line')?.textContent?.trim()).toBe('《茂名晚报》2022年2月24日 第1版');
      expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    });
  }

  it('the plan keeps its four areas as separate paragraphs', () => {
    const document = page(SEED_PIECES[0]!.permalink);
    const starts = [...document.querySelectorAll('.article-body p')].map((p) => p.textContent?.slice(0, 6));
    for (const area of ['在素质提升方', '在依法维权方', '在精准服务方', '在组织建设方']) expect(starts).toContain(area);
  });

  it('editor-supplied headline is marked as supplied on the page', () => {
    const document = page(SEED_PIECES[2]!.permalink);
    expect(document.querySelector('h1 .supplied')?.textContent).toContain('编者拟题');
    expect(document.querySelector('.editor-notes')?.textContent).toContain('照片');
  });

  it('suspicious source passages carry editor notes instead of silent fixes', () => {
    const document = page(SEED_PIECES[0]!.permalink);
    const body = document.querySelector('.article-body')?.textContent ?? '';
    const notes = document.querySelector('.editor-notes')?.textContent ?? '';
    for (const passage of ['提出了项具体量化指标', '达到 800万家', '全省建设一支150人']) {
      expect(body).toContain(withoutOcrSpaces(passage));
      expect(notes).toContain(passage.replace(' ', ' '));
    }
    expect(notes).toContain('推定');
  });

  it('pages request nothing from other hosts', () => {
    for (const piece of SEED_PIECES) {
      const document = page(piece.permalink);
      const urls = [...document.querySelectorAll('[src], link[rel=stylesheet], link[rel=preload]')].map(
        (element) => element.getAttribute('src') ?? element.getAttribute('href') ?? '',
      );
      for (const url of urls) expect(url).not.toMatch(/^(https?:)?\/\//);
    }
  });
});

describe('the seed archive home', () => {
  it('names its one issue once: not "from 24 February to 24 February"', () => {
    expect(page('/').body.textContent).toContain('收录 2022年2月24日 一期，共 3 篇文章。');
  });
});
