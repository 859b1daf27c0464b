/**
 * The traditional → simplified table is fetched in parts: text loads only the
 * parts of its own traditional characters (a fresh module here, unlike
 * normalise.test.ts, which loads the whole table first).
 */
import { expect, it } from 'vitest';
import { bucketOf, normalise, prepareNormalise } from '../../../src/lib/search/normalise.ts';

it('loads the parts of the table the text needs, and only those', async () => {
  expect(bucketOf('雲')).not.toBe(bucketOf('機'));
  await prepareNormalise('茂名雲海');
  expect(normalise('茂名雲海')).toBe('茂名云海');
  expect(() => normalise('機')).toThrow(/prepareNormalise/);
  await prepareNormalise('機場');
  expect(normalise('機場')).toBe('机场');
});

it('needs no part for simplified text', async () => {
  await prepareNormalise('茂名晚报');
  expect(normalise('茂名晚报')).toBe('茂名晚报');
});
