/**
 * Names of the search filters, shared by the index builder and the browser
 * (kept apart from searchRecord.ts so the browser bundle stays small).
 */

/** The filters readers use (their Chinese labels live in src/lib/strings.ts). */
export const FILTERS = ['year', 'section', 'reporter', 'tag'] as const;

export type FilterName = (typeof FILTERS)[number];

/** The facet file beside the index (src/lib/search/facetFile.ts). */
export const FACET_FILE = 'facets.json';
