/**
 * An article's place on its page scan (`regions:` in the frontmatter), in the
 * scan's own pixel coordinates, so an editor can read them off any image
 * program: a rectangle `{ x, y, width, height }` or a polygon
 * `{ points: [[x, y], …] }` for articles that wrap around a photo.
 */
import { z } from 'astro/zod';

const coordinate = z.number().nonnegative();
const side = z.number().positive();

const rectangle = z.strictObject({ x: coordinate, y: coordinate, width: side, height: side });
const polygon = z.strictObject({ points: z.array(z.tuple([coordinate, coordinate])).min(3) });

/** One region: a rectangle or a polygon of at least three corners. */
export const regionSchema = z.union([rectangle, polygon]);

export type Region = z.output<typeof regionSchema>;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The region's corners, clockwise from the top left for rectangles. */
export function regionPoints(region: Region): Array<[number, number]> {
  if ('points' in region) return region.points;
  const { x, y, width, height } = region;
  return [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ];
}

/** The smallest rectangle around the region. */
export function regionBox(region: Region): Box {
  const points = regionPoints(region);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The smallest rectangle around several regions (an article printed in two blocks). */
export function regionsBox(regions: readonly Region[]): Box {
  const boxes = regions.map(regionBox);
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** True when every corner lies on the scan. */
export function regionFits(region: Region, size: { width: number; height: number }): boolean {
  return regionPoints(region).every(([x, y]) => x <= size.width && y <= size.height);
}

/** The SVG `points` attribute of the region. */
export function svgPoints(region: Region): string {
  return regionPoints(region)
    .map(([x, y]) => `${x},${y}`)
    .join(' ');
}

/** The IIIF / W3C annotation selector of the region: xywh for rectangles, an SVG for polygons. */
export function regionSelector(region: Region): { type: 'FragmentSelector'; conformsTo: string; value: string } | { type: 'SvgSelector'; value: string } {
  if ('points' in region) {
    return { type: 'SvgSelector', value: `<svg xmlns="http://www.w3.org/2000/svg"><polygon points="${svgPoints(region)}"/></svg>` };
  }
  return {
    type: 'FragmentSelector',
    conformsTo: 'http://www.w3.org/TR/media-frags/',
    value: `xywh=${region.x},${region.y},${region.width},${region.height}`,
  };
}
