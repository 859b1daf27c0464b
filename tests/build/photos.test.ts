/**
 * Photos are published responsively and privately: <figure><picture> with
 * AVIF, WebP and JPEG in widths up to 1600 px (never wider than the original),
 * width/height set, no EXIF/XMP/GPS in any file, orientation applied, the
 * cover eager and first, a list thumbnail and a 1200×630 og:image.
 * Built under BASE_PATH=/archive/ so every URL must carry the base path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { googleArticleProblems, jsonLdImageUrls } from '../support/googleArticleRules.ts';
import { FEATURE_PATH, ORIGINALS, PLAIN_PATH } from '../support/photoArchive.ts';
import { SECRET_SERIAL } from '../support/photoFixtures.ts';

const BASE = '/archive/';
const WIDTHS = [480, 800, 1200, 1600];
let dist: string;

beforeAll(async () => {
  dist = await fixtureSite('photos');
});

const page = (sitePath: string) => parseHTML(readFileSync(path.join(dist, sitePath, 'index.html'), 'utf8')).document;

/** The dist file behind a URL such as /archive/_astro/x.avif */
function fileOf(url: string): string {
  expect(url.startsWith(BASE), `${url} lacks the base path`).toBe(true);
  return path.join(dist, url.slice(BASE.length));
}

const parseSrcset = (srcset: string) =>
  srcset.split(',').map((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    return { url: url!, width: Number.parseInt(descriptor!, 10) };
  });

/** The original behind a published file name (Astro keeps the stem: cover-4000.HASH_x.avif). */
function originalOf(url: string) {
  const stem = path.basename(url).split('.')[0]!;
  const entry = Object.entries(ORIGINALS).find(([name]) => name.startsWith(`${stem}.`));
  expect(entry, `no original for ${url}`).toBeDefined();
  return entry![1];
}

const FORMAT: Record<string, string> = { 'image/avif': 'heif', 'image/webp': 'webp', 'image/jpeg': 'jpeg' };

async function expectVariants(srcset: string, type: string) {
  const candidates = parseSrcset(srcset);
  const original = originalOf(candidates[0]!.url);
  const expected = [...WIDTHS.filter((width) => width < original.width), Math.min(original.width, 1600)];
  expect(candidates.map((c) => c.width)).toEqual([...new Set(expected)]);
  for (const { url, width } of candidates) {
    const meta = await sharp(fileOf(url)).metadata();
    expect(meta.format, url).toBe(FORMAT[type]);
    if (type === 'image/avif') expect(meta.compression, url).toBe('av1');
    expect(meta.width, url).toBe(width);
    expect(meta.height, url).toBe(Math.round((width * original.height) / original.width));
  }
}

describe('photos in an article body', () => {
  it('become <figure><picture> with AVIF and WebP sources and a JPEG <img>', () => {
    const figures = [...page(FEATURE_PATH).querySelectorAll('.photo-feature .article-body figure.photo')];
    expect(figures).toHaveLength(4);
    for (const figure of figures) {
      const picture = figure.querySelector(':scope > picture')!;
      expect(picture).not.toBeNull();
      const types = [...picture.querySelectorAll('source')].map((s) => s.getAttribute('type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      const img = picture.querySelector('img')!;
      expect(img.getAttribute('src')).toMatch(/^\/archive\/_astro\/.+\.jpg$/);
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('decoding')).toBe('async');
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      expect(img.getAttribute('sizes')).toBeTruthy();
      for (const source of picture.querySelectorAll('source')) expect(source.getAttribute('sizes')).toBe(img.getAttribute('sizes'));
    }
    const first = figures[0]!;
    expect(first.querySelector('img')!.getAttribute('alt')).toBe('手机拍下的山顶');
    expect(first.querySelector('figcaption .photo-caption')!.textContent).toBe('手机拍下的山顶。');
    expect(first.querySelector('figcaption .photo-credit')!.textContent).toBe('摄影：王五');
    expect(figures[3]!.querySelector('figcaption')).toBeNull();
  });

  it('groups photos in a row into a gallery', () => {
    const gallery = page(FEATURE_PATH).querySelector('.photo-gallery')!;
    expect([...gallery.querySelectorAll('img')].map((img) => img.getAttribute('alt'))).toEqual(['三官山云层', '茂名市区方向', '小图']);
  });

  it('publishes every listed width and format, never wider than the original', async () => {
    const pictures = [...page(FEATURE_PATH).querySelectorAll('picture'), ...page(PLAIN_PATH).querySelectorAll('picture')];
    expect(pictures.length).toBe(6);
    for (const picture of pictures) {
      for (const source of picture.querySelectorAll('source')) {
        await expectVariants(source.getAttribute('srcset')!, source.getAttribute('type')!);
      }
      await expectVariants(picture.querySelector('img')!.getAttribute('srcset')!, 'image/jpeg');
      const img = picture.querySelector('img')!;
      const fallback = await sharp(fileOf(img.getAttribute('src')!)).metadata();
      expect([fallback.width, fallback.height]).toEqual([Number(img.getAttribute('width')), Number(img.getAttribute('height'))]);
    }
  });

  it('applies EXIF orientation to the pixels: the phone photo is portrait, red on the right', async () => {
    const img = page(PLAIN_PATH).querySelector('figure.photo img')!;
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1200', '1600']);
    expect(img.parentElement!.getAttribute('class')).toBe('photo-portrait');
    const { data, info } = await sharp(fileOf(img.getAttribute('src')!)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [r1, , b1] = pixel(info.width - 20, info.height / 2);
    const [r2, , b2] = pixel(20, info.height / 2);
    expect(r1).toBeGreaterThan(b1!); // right: red
    expect(b2).toBeGreaterThan(r2!); // left: blue
  });
});

describe('an image inside a sentence', () => {
  it('stays a small inline <img>, resized to one line, with its size set', async () => {
    const img = page(PLAIN_PATH).querySelector('.article-body p img')!;
    expect(img.getAttribute('alt')).toBe('路牌');
    expect(img.getAttribute('class')).toBe('inline-image');
    expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]).toEqual(['96', '72', 'lazy']);
    const meta = await sharp(fileOf(img.getAttribute('src')!)).metadata();
    expect([meta.width, meta.height]).toEqual([96, 72]);
  });
});

describe('markup', () => {
  // Valid HTML (html-validate and the Nu HTML Checker): tests/security/htmlValidity.test.ts.
  it('adds no inline style for the strict CSP to block', () => {
    for (const sitePath of ['/', FEATURE_PATH, PLAIN_PATH]) {
      const html = readFileSync(path.join(dist, sitePath, 'index.html'), 'utf8');
      expect(html).not.toMatch(/<style\b|\sstyle=/);
    }
  });
});

describe('privacy', () => {
  it('no published image carries EXIF, XMP, GPS or the camera serial', async () => {
    const files = readdirSync(path.join(dist, '_astro')).filter((name) => /\.(jpe?g|png|webp|avif)$/i.test(name));
    expect(files.length).toBeGreaterThan(40);
    for (const name of files) {
      const file = path.join(dist, '_astro', name);
      const meta = await sharp(file).metadata();
      expect(meta.exif, name).toBeUndefined();
      expect(meta.xmp, name).toBeUndefined();
      expect(meta.iptc, name).toBeUndefined();
      expect(await exifr.parse(file, { gps: true, tiff: true, exif: true, xmp: true }).catch(() => undefined), name).toBeUndefined();
      expect(readFileSync(file).includes(SECRET_SERIAL), name).toBe(false);
    }
  });
});

describe('the cover photo', () => {
  it('heads the article, eager and high priority, with caption and credit', async () => {
    const document = page(FEATURE_PATH);
    const cover = document.querySelector('figure.cover')!;
    expect(document.querySelector('article img')).toBe(cover.querySelector('img'));
    const img = cover.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    expect(img.getAttribute('alt')).toBe('浮山岭顶，云海漫过山脊');
    expect(cover.querySelector('figcaption')!.textContent).toBe('清晨的浮山岭云海。 摄影：李生');
    await expectVariants(cover.querySelector('source[type="image/avif"]')!.getAttribute('srcset')!, 'image/avif');
  });

  it('is the og:image as a 1200×630 JPEG crop; an article without a cover gets the site card', async () => {
    const og = page(FEATURE_PATH).querySelector('meta[property="og:image"]')!.getAttribute('content')!;
    expect(og).toMatch(/^https:\/\/archive\.example\.org\/archive\/_astro\/cover-4000\..+\.jpg$/);
    const meta = await sharp(fileOf(new URL(og).pathname)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    const fallback = page(PLAIN_PATH).querySelector('meta[property="og:image"]')!.getAttribute('content')!;
    expect(fallback).toBe('https://archive.example.org/archive/og-default.png');
    const card = await sharp(path.join(dist, 'og-default.png')).metadata();
    expect([card.width, card.height]).toEqual([1200, 630]);
  });

  it('is the JSON-LD image and the X card image, with its alt text; the logo is under the base path', () => {
    const document = page(FEATURE_PATH);
    const json = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(googleArticleProblems(json)).toEqual([]);
    const og = document.querySelector('meta[property="og:image"]')!.getAttribute('content');
    const { images, logo } = jsonLdImageUrls(json);
    expect(images).toEqual([og]);
    expect(logo).toBe('https://archive.example.org/archive/publisher-logo.png');
    expect(document.querySelector('meta[name="twitter:image"]')!.getAttribute('content')).toBe(og);
    expect(document.querySelector('meta[name="twitter:image:alt"]')!.getAttribute('content')).toBe('浮山岭顶，云海漫过山脊');
    expect(document.querySelector('meta[property="og:image:type"]')!.getAttribute('content')).toBe('image/jpeg');
  });

  it('appears as a thumbnail in the issue list', async () => {
    const items = [...page('/').querySelectorAll('.article-list li')];
    const withCover = items.find((li) => li.textContent?.includes('山顶看云海'))!;
    const thumb = withCover.querySelector('picture img.cover-thumb')!;
    expect(thumb.getAttribute('alt')).toBe('');
    expect([thumb.getAttribute('width'), thumb.getAttribute('height')]).toEqual(['128', '96']);
    const meta = await sharp(fileOf(thumb.getAttribute('src')!)).metadata();
    expect([meta.width, meta.height]).toEqual([128, 96]);
    expect(items.find((li) => li.textContent?.includes('雨后'))!.querySelector('img')).toBeNull();
  });
});
