/**
 * Checks one photo an article refers to before Astro processes it, so an
 * editor gets a message naming the article, the photo and the fix instead of
 * a bundler stack trace (or, worse, a grey half-decoded picture).
 * Node-only: reads the file system and decodes with sharp.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, PHOTO_EXTENSIONS } from './photoLimits.ts';

/** Where a photo is referenced: the article file (as shown to editors) and the path written in it. */
export interface PhotoReference {
  article: string;
  src: string;
  /** Absolute path of the photo file. */
  file: string;
}

const FIX_RESIZE = '修改方法：用图片软件把照片缩小（长边 6000 像素以内通常足够），另存为 JPEG 后替换原文件。';

function problem(ref: PhotoReference, what: string, fix: string): string {
  return `文章 ${ref.article} 中的图片 ${ref.src}：${what}\n  ${fix}`;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Returns a readable problem, or undefined when the photo can be published.
 * `fileKey` lets callers skip the full decode for files already checked
 * (same path, size and modification time).
 */
export async function checkPhotoFile(
  ref: PhotoReference,
  alreadyChecked: (fileKey: string) => boolean = () => false,
): Promise<{ problem?: string; fileKey?: string }> {
  const info = await stat(ref.file).catch(() => undefined);
  if (!info?.isFile()) {
    return {
      problem: problem(
        ref,
        `找不到文件（应在 ${ref.file}）。`,
        '修改方法：把照片放到该位置，或改正文章里的图片路径（路径相对于文章所在文件夹，例如 ./images/yunhai.jpg）。',
      ),
    };
  }
  const ext = path.extname(ref.file).slice(1).toLowerCase();
  if (!(PHOTO_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      problem: problem(
        ref,
        `不是可发布的图片格式（.${ext || '无扩展名'}）。`,
        `修改方法：把照片导出为 JPEG（.jpg）后替换，可用的扩展名：${PHOTO_EXTENSIONS.map((e) => `.${e}`).join(' ')}。`,
      ),
    };
  }
  if (info.size > MAX_PHOTO_BYTES) {
    return { problem: problem(ref, `文件有 ${megabytes(info.size)}，超过 ${megabytes(MAX_PHOTO_BYTES)} 的上限。`, FIX_RESIZE) };
  }
  const fileKey = `${ref.file}:${info.size}:${info.mtimeMs}`;
  if (alreadyChecked(fileKey)) return { fileKey };

  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(ref.file, { limitInputPixels: false }).metadata());
  } catch (error) {
    return { problem: notAnImage(ref, error) };
  }
  if (!width || !height) return { problem: notAnImage(ref, new Error('no dimensions')) };
  if (Math.max(width, height) > MAX_PHOTO_SIDE) {
    return {
      problem: problem(ref, `尺寸 ${width}×${height} 像素，长边超过 ${MAX_PHOTO_SIDE} 像素的上限。`, FIX_RESIZE),
    };
  }
  try {
    // A truncated camera file has a valid header and decodes to grey: decode
    // it for real (JPEG shrink-on-load keeps this cheap) and fail on damage.
    await sharp(ref.file, { failOn: 'truncated' }).resize(64).raw().toBuffer();
  } catch (error) {
    return { problem: notAnImage(ref, error) };
  }
  return { fileKey };
}

function notAnImage(ref: PhotoReference, error: unknown): string {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return problem(
    ref,
    `不是图片，或文件已损坏（${reason}）。`,
    '修改方法：从原始照片重新导出 JPEG 文件替换它；若是从网页或聊天软件保存的，请找原图。',
  );
}
