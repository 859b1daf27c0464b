/**
 * rehype plugin: a Markdown image that stands alone in its paragraph and lives
 * next to the article (./images/yunhai.jpg) is a photo, not an inline
 * picture. It becomes
 *
 *   <figure class="photo"><picture><img src alt></picture>
 *     <figcaption><span class="photo-caption">…</span> <span class="photo-credit">摄影：…</span></figcaption>
 *   </figure>
 *
 * Caption and credit come from the image title (see src/lib/photoCaption.ts).
 * The <picture> is filled with AVIF/WebP sources when the page renders
 * (src/lib/renderArticleHtml.ts), because only then are the files processed.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isLocalPath } from '../lib/contentCheck/imageRefs.ts';
import { formatCredit, parsePhotoTitle } from '../lib/photoCaption.ts';

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

function span(className: string, value: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: [className] }, children: [{ type: 'text', value }] };
}

/** The figure for one photo <img>; its title becomes the caption and credit. */
function photoFigure(img: Element): Element {
  const { title, ...properties } = img.properties;
  const { caption, credit } = parsePhotoTitle(typeof title === 'string' ? title : undefined);
  const captionParts: ElementContent[] = [
    ...(caption ? [span('photo-caption', caption)] : []),
    ...(caption && credit ? [{ type: 'text', value: ' ' } as const] : []),
    ...(credit ? [span('photo-credit', formatCredit(credit))] : []),
  ];
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['photo'] },
    children: [
      { type: 'element', tagName: 'picture', properties: {}, children: [{ ...img, properties }] },
      ...(captionParts.length > 0
        ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: captionParts } satisfies Element]
        : []),
    ],
  };
}

const isPhotoImg = (node: ElementContent): node is Element =>
  node.type === 'element' && node.tagName === 'img' && isLocalPath(String(node.properties.src ?? ''));

export default function rehypePhotoFigure() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      // Images on lines of their own (one paragraph, one image per line) are photos too.
      const content = node.children.filter((child) => !isBlank(child) && !(child.type === 'element' && child.tagName === 'br'));
      if (content.length === 0 || !content.every(isPhotoImg)) return;
      parent.children.splice(index, 1, ...content.map(photoFigure));
      return index + content.length;
    });
  };
}
