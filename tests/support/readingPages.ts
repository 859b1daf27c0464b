/**
 * The reading-pages fixture (tests/fixtures/reading-archive): 69 invented
 * articles in 24 issues, 2020-01-08 to 2023-03-15, five reporters, 62
 * articles tagged 工会 (two pages), a tag with a space and a slash
 * ("5G / 物联网"), a numeric tag ("2022") and 03-15 issues in four years
 * (往年今日 on the newest issue). One path per page type, for browser tests.
 */
export const READING_FIXTURE = 'tests/fixtures/reading-archive';

/** Every page type, by name, as a site path (encoded as a browser sends it). */
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  year: '/2022/',
  month: '/2022/02/',
  day: '/2022/02/24/',
  article: '/2020/01/08/a001/',
  tagIndex: '/tags/',
  tag: `/tags/${encodeURIComponent('工会')}/`,
  tagPage2: `/tags/${encodeURIComponent('工会')}/2/`,
  reporterIndex: '/reporters/',
  reporter: `/reporters/${encodeURIComponent('梁奈')}/`,
  search: `/search/?q=${encodeURIComponent('茂南区')}`,
  offline: '/offline/',
  notFound: '/no-such-page/',
};
