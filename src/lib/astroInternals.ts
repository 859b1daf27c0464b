/**
 * The undocumented parts of Astro (7.3.5) the project relies on, in one
 * place. Astro has no public API for these; each is pinned by
 * tests/unit/astroInternals.test.ts against the installed Astro, so an
 * upgrade that changes one fails there, by name, not somewhere in a build.
 */
import type { ImageMetadata } from 'astro';

/**
 * Prefix Astro puts on image() paths in content data (astro/dist/content/consts.js
 * IMAGE_IMPORT_PREFIX): a cover's `src` reaches a loader as `__ASTRO_IMAGE_./x.jpg`.
 */
export const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/**
 * The attribute Astro's Markdown image step (@astrojs/markdown-remark
 * rehype-images.js) leaves on each local <img>: JSON of its properties,
 * HTML-escaped. Matched in rendered article HTML; group 1 is the JSON.
 */
export const IMAGE_MARKER = /__ASTRO_IMAGE_="([^"]+)"/;

/** Virtual module holding every image the content imported (consts.js ASSET_IMPORTS_VIRTUAL_ID). */
export const ASSET_IMPORTS_MODULE = 'astro:asset-imports';

/**
 * The images Astro imported for the content, by assetImportKey. Only inside
 * an Astro build or dev server. The module name is written out, not
 * ASSET_IMPORTS_MODULE: Vite resolves virtual modules only in an import()
 * of a literal (the unit test checks the two agree).
 */
export async function contentAssetImports(): Promise<Map<string, ImageMetadata>> {
  return ((await import('astro:asset-imports' as string)) as { default: Map<string, ImageMetadata> }).default;
}

/**
 * The key of a body image in ASSET_IMPORTS_MODULE's map, as
 * astro/dist/assets/utils/resolveImports.js imageSrcToImportId makes it for a
 * local path: `<src>?astroContentImageFlag=&importer=<article file>`.
 */
export function assetImportKey(src: string, importerFile: string): string {
  const params = new URLSearchParams('astroContentImageFlag');
  params.set('importer', importerFile);
  return `${src}?${params.toString()}`;
}

/** Astro's content data store in its cache folder: one file, or a folder of chunks (consts.js DATA_STORE_FILE, DATA_STORE_DIR). */
export const DATA_STORE_NAMES = ['data-store.json', 'data-store'] as const;

/** The part of Astro's entry type (how a file becomes data and body) the glob loader calls. */
export interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<Record<string, unknown>>;
}

/**
 * Astro passes the entry types to loaders as `context.entryTypes` without
 * declaring it in LoaderContext; the glob loader (astro/dist/content/loaders/glob.js)
 * looks each file's type up there by extension.
 */
export type WithEntryTypes<Context> = Context & { entryTypes: Map<string, EntryType> };

/**
 * Astro's incremental build (experimental.incrementalBuild,
 * astro/dist/core/build/incremental.js) keeps, in its cache folder, a
 * manifest of the last build's paths and a copy of every page it wrote.
 * On the next build a path whose code and cacheKey are unchanged is kept
 * as it is when its file is already in outDir ("cached"), else copied from
 * that copy ("restored"; generate.js).
 */
export const INCREMENTAL_MANIFEST_FILE = 'incremental-build.json';
/** The folder of those copies in the cache folder, with the paths outDir has. */
export const INCREMENTAL_PAGES_DIR = 'dist';

interface IncrementalManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/**
 * The files (relative to outDir, with forward slashes) an incremental
 * manifest records. Astro stores each as the tail of a file URL, so
 * percent-encoded (a Chinese file name included); returned decoded.
 */
export function incrementalPageFiles(manifest: unknown): string[] {
  const files: string[] = [];
  for (const route of Object.values((manifest as IncrementalManifest | null)?.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) if (entry.outputFile) files.push(decodeURIComponent(entry.outputFile));
  }
  return files;
}

/**
 * The resolved id of the module that holds Astro's whole content data store
 * (consts.js RESOLVED_DATA_STORE_VIRTUAL_ID). In a build Astro's own load
 * (vite-plugin-content-virtual-mod.js) makes it
 * `export default JSON.parse("<the store file>")`; the store's type, a
 * devalue-flattened array, is what ImmutableDataStore.fromModule reads.
 */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * The module meta Astro gives that module (core/build/incremental-metadata.js
 * createContentDataIncrementalMetadata): it tells the incremental build the
 * module is content data, judged by each page's cacheKey, not code.
 */
export const CONTENT_DATA_MODULE_META = { astroIncremental: { kind: 'content-data' } } as const;
