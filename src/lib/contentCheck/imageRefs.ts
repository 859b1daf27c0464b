/**
 * The one list of images an article refers to: Markdown images (inline and
 * reference-style) and HTML `<img src>` in the body, and the cover. The content check looks for
 * these files and decodes them, and so does the build's loader before Astro
 * imports them. Remote and site-absolute addresses are left to the browser;
 * only files next to the article can be checked before publishing.
 */
import path from 'node:path';
import type { ArticleReading } from '../readArticle.ts';
import type { Position } from './problem.ts';
import { maskCode } from './proofread.ts';

export interface ImageRef {
  /** The path as written, e.g. ./photos/yun-hai.jpg */
  src: string;
  at: Position;
  /** Raw HTML `<img>` comes from old exports and is sanitised; a missing one is only a warning. */
  html: boolean;
}

const MARKDOWN_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi;
/** `![alt][label]` and `![label][]`: a reference-style image, its path in a definition. */
const REFERENCE_IMAGE = /!\[([^\]]*)\]\[([^\]]*)\]/g;
/** `[label]: ./photo.jpg "title"`, a link reference definition. */
const DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/;

const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * True for paths that point at a file beside the article: not a URL with a
 * scheme, not site-absolute or protocol-relative, not a #fragment, not empty.
 * The one "is this local" test (the photo figure plugin uses it too).
 */
export function isLocalPath(src: string): boolean {
  return src !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(src);
}

/**
 * Every local image reference with its file position: inline and
 * reference-style Markdown images (at the path in the definition) and HTML
 * `<img>`. Code is skipped, as Markdown shows it as written.
 */
export function findImageRefs(body: string, bodyLine: number): ImageRef[] {
  const refs: ImageRef[] = [];
  // Most articles have no image at all: skip the line-by-line work for them.
  if (!body.includes('![') && !/<img\b/i.test(body)) return refs;
  const lines = maskCode(body.split('\n'));
  const column = (text: string, index: number) => [...text.slice(0, index)].length + 1;
  const definitions = new Map<string, { src: string; at: Position }>();
  lines.forEach((text, index) => {
    const match = DEFINITION.exec(text);
    if (!match) return;
    const at = { line: bodyLine + index, column: column(text, text.indexOf(match[2]!, match[0].indexOf(']:'))) };
    definitions.set(labelKey(match[1]!), { src: match[2]!, at });
  });
  const used = new Set<string>();
  lines.forEach((text, index) => {
    for (const pattern of [MARKDOWN_IMAGE, HTML_IMAGE]) {
      for (const match of text.matchAll(pattern)) {
        const src = match[1]!;
        if (!isLocalPath(src)) continue;
        const at = { line: bodyLine + index, column: column(text, match.index + match[0].indexOf(src)) };
        refs.push({ src, at, html: pattern === HTML_IMAGE });
      }
    }
    for (const match of text.matchAll(REFERENCE_IMAGE)) {
      const key = labelKey(match[2] || match[1]!);
      const definition = definitions.get(key);
      if (!definition || used.has(key) || !isLocalPath(definition.src)) continue;
      used.add(key);
      refs.push({ ...definition, html: false });
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
