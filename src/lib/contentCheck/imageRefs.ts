/**
 * The one list of images an article refers to: Markdown `![..](./x.jpg)` and
 * HTML `<img src>` in the body, and the cover. The content check looks for
 * these files and decodes them, and so does the build's loader before Astro
 * imports them. Remote and site-absolute addresses are left to the browser;
 * only files next to the article can be checked before publishing.
 */
import path from 'node:path';
import type { ArticleReading } from '../readArticle.ts';
import type { Position } from './problem.ts';

export interface ImageRef {
  /** The path as written, e.g. ./photos/yun-hai.jpg */
  src: string;
  at: Position;
  /** Raw HTML `<img>` comes from old exports and is sanitised; a missing one is only a warning. */
  html: boolean;
}

const MARKDOWN_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi;

/**
 * True for paths that point at a file beside the article: not a URL with a
 * scheme, not site-absolute or protocol-relative, not a #fragment, not empty.
 * The one "is this local" test (the photo figure plugin uses it too).
 */
export function isLocalPath(src: string): boolean {
  return src !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(src);
}

/** Every local image reference with its file position. */
export function findImageRefs(body: string, bodyLine: number): ImageRef[] {
  const refs: ImageRef[] = [];
  body.split('\n').forEach((text, index) => {
    for (const pattern of [MARKDOWN_IMAGE, HTML_IMAGE]) {
      for (const match of text.matchAll(pattern)) {
        const src = match[1]!;
        if (!isLocalPath(src)) continue;
        const column = [...text.slice(0, match.index + match[0].indexOf(src))].length + 1;
        refs.push({ src, at: { line: bodyLine + index, column }, html: pattern === HTML_IMAGE });
      }
    }
  });
  return refs;
}

/** The file path an image reference names, without ?query or #fragment, URL-decoded. */
export function imageFilePath(src: string): string {
  const bare = src.replace(/[?#].*$/, '');
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/** A local image of an article, with the file it names. */
export interface ArticleImage extends ImageRef {
  /** Absolute path of the image file. */
  file: string;
}

/** Every local image of an article (body, then cover), resolved beside `absolutePath`. */
export function articleImages(reading: ArticleReading, absolutePath: string): ArticleImage[] {
  const refs = findImageRefs(reading.body, reading.bodyLine);
  // cover is { src, alt, caption, credit } (src/lib/articleSchema.ts).
  const cover = reading.doc?.getIn(['cover', 'src'], true) as { value?: unknown; range?: [number, number, number] } | undefined;
  if (typeof cover?.value === 'string' && isLocalPath(cover.value)) {
    refs.push({ src: cover.value, at: cover.range ? reading.positionOf(cover.range[0]) : { line: 1, column: 1 }, html: false });
  }
  const folder = path.dirname(absolutePath);
  return refs.map((ref) => ({ ...ref, file: path.resolve(folder, imageFilePath(ref.src)) }));
}
