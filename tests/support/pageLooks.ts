/**
 * What a page looks like, as data two renderings can be compared by: the
 * computed styles that decide typography, colour and layout, and the box of
 * each key element. Used to prove `npm run dev` renders an article as the
 * built site does, by styles and by pixels.
 */
import type { Page } from 'playwright-core';
import sharp from 'sharp';

/** Styles that differ between a styled and an unstyled (or differently styled) page. */
export const LOOK_PROPERTIES = [
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'color',
  'background-color',
  'margin-top',
  'margin-bottom',
  'padding-top',
  'padding-left',
  'border-top-width',
  'border-left-width',
  'max-width',
  'text-indent',
] as const;

export interface ElementLook {
  selector: string;
  styles: Record<string, string>;
  /** x, y, width, height rounded to whole pixels (absent with `boxes: false`). */
  box?: [number, number, number, number];
}

/**
 * The look of the first element matching each selector; a missing element
 * reads "<selector>: missing", so it fails the comparison. `boxes: false`
 * leaves out the boxes, for elements whose size depends on other content.
 */
export function pageLooks(page: Page, selectors: readonly string[], { boxes = true } = {}): Promise<Array<ElementLook | string>> {
  return page.evaluate(
    ({ selectors, properties, boxes }) =>
      selectors.map((selector) => {
        const element = document.querySelector(selector);
        if (!element) return `${selector}: missing`;
        const computed = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        return {
          selector,
          styles: Object.fromEntries(properties.map((name) => [name, computed.getPropertyValue(name)])),
          ...(boxes ? { box: [rect.x, rect.y + window.scrollY, rect.width, rect.height].map(Math.round) as [number, number, number, number] } : {}),
        };
      }),
    { selectors, properties: [...LOOK_PROPERTIES], boxes },
  );
}

/** How many pixels differ between two screenshots of the same size (all of them when the sizes differ). */
export async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  const { width, height } = left!.info;
  if (width !== right!.info.width || height !== right!.info.height) return Math.max(width * height, right!.info.width * right!.info.height);
  let differing = 0;
  for (let offset = 0; offset < left!.data.length; offset += 3) {
    if (left!.data[offset] !== right!.data[offset] || left!.data[offset + 1] !== right!.data[offset + 1] || left!.data[offset + 2] !== right!.data[offset + 2]) differing++;
  }
  return differing;
}
