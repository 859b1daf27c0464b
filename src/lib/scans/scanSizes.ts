/**
 * What the build publishes of a page scan, and at which sizes: one place, so
 * the build stage (scanImages-fs.ts), the pages that show the images and the
 * manifest agree on the files' dimensions without opening them.
 */
import type { Box } from './region.ts';

/** Tile settings; part of the cache key, so changing them cuts every scan again. */
export const TILE_SETTINGS = { layout: 'iiif3', size: 512, quality: 80 } as const;

/** Width of the preview the page view shows before (or without) the zoomable viewer. */
export const PREVIEW_WIDTH = 1200;

/** Widest crop shown on an article page. */
export const CROP_MAX_WIDTH = 720;

/** Size of an image resized to at most `maxWidth` wide, never enlarged (as sharp's withoutEnlargement). */
export function fitWidth(size: { width: number; height: number }, maxWidth: number): { width: number; height: number } {
  const width = Math.min(maxWidth, Math.round(size.width));
  return { width, height: Math.round((size.height * width) / size.width) };
}

/** Whole pixels of a region's box inside the image (the check refuses regions outside it). */
export function cropBox(box: Box, size: { width: number; height: number }): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  return {
    x,
    y,
    width: Math.max(1, Math.min(size.width - x, Math.ceil(box.x + box.width) - x)),
    height: Math.max(1, Math.min(size.height - y, Math.ceil(box.y + box.height) - y)),
  };
}
