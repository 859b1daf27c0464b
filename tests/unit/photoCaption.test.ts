/** How editors write a photo's caption and credit in the image title. */
import { describe, expect, it } from 'vitest';
import { formatCredit, parsePhotoTitle } from '../../src/lib/photoCaption.ts';

describe('parsePhotoTitle', () => {
  it.each([
    ['旭日下的浮山岭云海。摄影：李生', { caption: '旭日下的浮山岭云海。', credit: '李生' }],
    ['旭日下的浮山岭云海 摄影: 李生', { caption: '旭日下的浮山岭云海', credit: '李生' }],
    ['摄影：王五', { credit: '王五' }],
    ['只有说明', { caption: '只有说明' }],
    ['  ', {}],
    [undefined, {}],
  ])('%j', (title, expected) => {
    expect(parsePhotoTitle(title)).toEqual(expected);
  });

  it('prints the credit as 摄影：name', () => {
    expect(formatCredit('李生')).toBe('摄影：李生');
  });
});
