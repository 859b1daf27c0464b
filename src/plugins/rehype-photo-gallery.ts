/**
 * rehype plugin: two or more photos in a row (consecutive <figure class="photo">
 * made by rehype-photo-figure) form a gallery, <div class="photo-gallery">,
 * which the photo-feature layout shows as a grid. Runs after rehype-photo-figure.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';

type Child = RootContent | ElementContent;

const isPhoto = (node: Child): node is Element =>
  node.type === 'element' &&
  node.tagName === 'figure' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('photo');
const isBlank = (node: Child) => node.type === 'text' && node.value.trim() === '';

/** Splits children into runs, wrapping runs of 2+ photos (blank text between them dropped). */
function groupPhotos(children: Child[]): Child[] {
  const result: Child[] = [];
  let run: Element[] = [];
  let gap: Child[] = [];
  const flush = () => {
    if (run.length >= 2) {
      result.push({ type: 'element', tagName: 'div', properties: { className: ['photo-gallery'] }, children: run });
    } else {
      result.push(...run);
    }
    result.push(...gap);
    run = [];
    gap = [];
  };
  for (const child of children) {
    if (isPhoto(child)) {
      gap = [];
      run.push(child);
    } else if (isBlank(child) && run.length > 0) {
      gap.push(child);
    } else {
      flush();
      result.push(child);
    }
  }
  flush();
  return result;
}

export default function rehypePhotoGallery() {
  return (tree: Root) => {
    tree.children = groupPhotos(tree.children) as Root['children'];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'figure' || node.tagName === 'div') return;
      if (node.children.some(isPhoto)) node.children = groupPhotos(node.children) as ElementContent[];
    });
  };
}
