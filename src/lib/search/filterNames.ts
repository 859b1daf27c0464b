/**
 * Names of the search filters, shared by the index builder and the browser
 * (kept apart from searchRecord.ts so the browser bundle stays small).
 */

/** The filters readers use (their Chinese labels live in src/lib/strings.ts). */
export const FILTERS = ['year', 'section', 'reporter', 'tag'] as const;

/** Hidden filter naming each record's shard, so the browser can read one shard's date order at a time. */
export const SHARD_FILTER = 'shard';
