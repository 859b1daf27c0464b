/**
 * The plain article schema (used by command-line tools, without Astro)
 * accepts a cover as a path string and a layout, and knows both fields.
 */
import { describe, expect, it } from 'vitest';
import { articleSchema, createArticleSchema, knownFields } from '../../src/lib/articleSchema.ts';
import { z } from 'astro/zod';

const base = { title: '山顶看云海', date: '2024-05-01' };

describe('cover and layout in the plain schema', () => {
  it('defaults to the article layout and no cover', () => {
    const data = articleSchema.parse(base);
    expect(data.layout).toBe('article');
    expect(data.cover).toBeUndefined();
  });

  it('keeps the cover path as written, with caption and credit', () => {
    const cover = { src: './images/yunhai.jpg', alt: '云海', caption: '清晨的云海。', credit: '李生' };
    expect(articleSchema.parse({ ...base, layout: 'photo', cover })).toMatchObject({ layout: 'photo', cover });
  });

  it('rejects a cover without alt text and an unknown layout', () => {
    const missingAlt = articleSchema.safeParse({ ...base, cover: { src: './a.jpg' } });
    expect(missingAlt.success).toBe(false);
    expect(missingAlt.error?.issues[0]?.path).toEqual(['cover', 'alt']);
    const badLayout = articleSchema.safeParse({ ...base, layout: 'gallery' });
    expect(badLayout.success).toBe(false);
    expect(badLayout.error?.issues[0]?.path).toEqual(['layout']);
  });

  it('lists cover and layout among the known fields', () => {
    expect(knownFields).toEqual(expect.arrayContaining(['title', 'date', 'cover', 'layout']));
    expect(knownFields).toEqual(Object.keys(articleSchema.shape));
  });

  it('lets the build hand in its own cover check (Astro image())', () => {
    const schema = createArticleSchema(z.string().transform((src) => ({ src, width: 1, height: 1 })));
    expect(schema.parse({ ...base, cover: { src: './a.jpg', alt: '图' } }).cover?.src).toEqual({ src: './a.jpg', width: 1, height: 1 });
  });
});
