/**
 * Checks one photo an article refers to before Astro processes it, so an
 * editor gets a message naming the article, the photo and the fix instead of
 * a bundler stack trace (or, worse, a grey half-decoded picture).
 * Node-only: reads the file system and decodes with sharp.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bilingual } from './contentCheck/problem.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, PHOTO_EXTENSIONS } from './photoLimits.ts';

/** One photo file to check: its absolute path. */
export interface PhotoFile {
  file: string;
}

/** Why a photo cannot be published, and what to do, in Chinese and English. */
export interface PhotoProblem {
  message: Bilingual;
  fix: Bilingual;
}

const FIX_RESIZE: Bilingual = {
  zh: '用图片软件把照片缩小（长边 6000 像素以内通常足够），另存为 JPEG 后替换原文件。',
  en: 'Make the photo smaller in an image editor (6,000 px on the long side is plenty), save it as JPEG and replace the file.',
};
const FIX_REEXPORT: Bilingual = {
  zh: '从原始照片重新导出 JPEG 文件替换它；若是从网页或聊天软件保存的，请找原图。',
  en: 'Export a JPEG again from the original photo and replace the file; if it was saved from a web page or a chat app, find the original.',
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Returns the problem, or none when the photo can be published.
 * `fileKey` lets callers skip the full decode for files already checked
 * (same path, size and modification time).
 */
export async function checkPhotoFile(
  ref: PhotoFile,
  alreadyChecked: (fileKey: string) => boolean = () => false,
): Promise<{ problem?: PhotoProblem; fileKey?: string }> {
  const info = await stat(ref.file).catch(() => undefined);
  if (!info?.isFile()) {
    return {
      problem: {
        message: { zh: `找不到文件（应在 ${ref.file}）。`, en: `The file does not exist (expected at ${ref.file}).` },
        fix: {
          zh: '把照片放到该位置，或改正文章里的图片路径（路径相对于文章所在文件夹，例如 ./images/yunhai.jpg）。',
          en: 'Put the photo there, or correct the path in the article (relative to the article\'s folder, e.g. ./images/yunhai.jpg).',
        },
      },
    };
  }
  const ext = path.extname(ref.file).slice(1).toLowerCase();
  if (!(PHOTO_EXTENSIONS as readonly string[]).includes(ext)) {
    const allowed = PHOTO_EXTENSIONS.map((e) => `.${e}`).join(' ');
    return {
      problem: {
        message: { zh: `不是可发布的图片格式（.${ext || '无扩展名'}）。`, en: `Not a format the site can publish (.${ext || 'no extension'}).` },
        fix: { zh: `把照片导出为 JPEG（.jpg）后替换，可用的扩展名：${allowed}。`, en: `Export the photo as JPEG (.jpg) and replace it; accepted endings: ${allowed}.` },
      },
    };
  }
  if (info.size > MAX_PHOTO_BYTES) {
    return {
      problem: {
        message: {
          zh: `文件有 ${megabytes(info.size)}，超过 ${megabytes(MAX_PHOTO_BYTES)} 的上限。`,
          en: `The file is ${megabytes(info.size)}, over the ${megabytes(MAX_PHOTO_BYTES)} limit.`,
        },
        fix: FIX_RESIZE,
      },
    };
  }
  const fileKey = `${ref.file}:${info.size}:${info.mtimeMs}`;
  if (alreadyChecked(fileKey)) return { fileKey };
  // Loaded on first use: sharp takes half a second to load, and most runs of
  // check:content have no photo left to decode.
  const { default: sharp } = await import('sharp');

  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(ref.file, { limitInputPixels: false }).metadata());
  } catch (error) {
    return { problem: notAnImage(error) };
  }
  if (!width || !height) return { problem: notAnImage(new Error('no dimensions')) };
  if (Math.max(width, height) > MAX_PHOTO_SIDE) {
    return {
      problem: {
        message: {
          zh: `尺寸 ${width}×${height} 像素，长边超过 ${MAX_PHOTO_SIDE} 像素的上限。`,
          en: `${width}×${height} pixels: the long side is over the ${MAX_PHOTO_SIDE} px limit.`,
        },
        fix: FIX_RESIZE,
      },
    };
  }
  try {
    // A truncated camera file has a valid header and decodes to grey: decode
    // it for real (JPEG shrink-on-load keeps this cheap) and fail on damage.
    await sharp(ref.file, { failOn: 'truncated' }).resize(64).raw().toBuffer();
  } catch (error) {
    return { problem: notAnImage(error) };
  }
  return { fileKey };
}

function notAnImage(error: unknown): PhotoProblem {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return {
    message: { zh: `不是图片，或文件已损坏（${reason}）。`, en: `Not an image, or a damaged file (${reason}).` },
    fix: FIX_REEXPORT,
  };
}
