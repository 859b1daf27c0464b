import { expect, it } from 'vitest';
import { pageIdOfPlace, placeOfPageId } from '../../../src/lib/search/pageIds.ts';

it('names a page by its date place and reads the place back', () => {
  expect(pageIdOfPlace(0)).toBe('0');
  expect(pageIdOfPlace(46_655)).toBe('zzz');
  expect(placeOfPageId(pageIdOfPlace(123_456))).toBe(123_456);
  // Pagefind's own ids (separate shards) name no place.
  expect(placeOfPageId('und_2ff1315')).toBeUndefined();
});
