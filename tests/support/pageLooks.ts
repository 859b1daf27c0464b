/**
 * What a page looks like, as data two renderings can be compared by: the
 * computed styles that decide typography, colour and layout, and the box of
 * each key element. Used to prove `npm run dev` renders an article as the
 * built site does.
 */
import type { Page } from 'playwright-core';

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
