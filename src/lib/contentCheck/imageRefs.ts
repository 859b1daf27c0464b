/**
 * Local images an article refers to: Markdown `![..](./x.jpg)` and HTML
 * `<img src>` in the body. Remote and site-absolute addresses are left to the
 * browser; only files next to the article can be checked before publishing.
 */
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

/** True for paths that point at a file beside the article. */
export function isLocalPath(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(src);
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
