/**
 * Astro integration: the last line of defence for readers' and
 * photographers' privacy. After the build, every image in the output is read
 * and the build fails if one still carries EXIF, XMP or IPTC metadata (GPS
 * position, camera serial, names), wherever it came from: a Markdown photo,
 * a cover, or a file someone dropped into public/.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const IMAGE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

async function imagesIn(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && IMAGE.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Every image the build can have written, without walking the whole output
 * (tens of thousands of page folders on a large archive, 1.5 s at 20,000
 * articles): processed images in the assets folder, what public/ copied
 * (same relative paths), and any image a route or endpoint rendered.
 */
export async function builtImages(outDir: string, assetsDir: string, publicDir: string, routeFiles: string[]): Promise<string[]> {
  const fromPublic = (await imagesIn(publicDir)).map((file) => path.join(outDir, path.relative(publicDir, file)));
  const candidates = [...(await imagesIn(path.join(outDir, assetsDir))), ...fromPublic, ...routeFiles.filter((file) => IMAGE.test(file))];
  return [...new Set(candidates)].filter((file) => existsSync(file)).sort();
}

/** Which kinds of metadata `file` carries ([] when clean). */
export async function imageMetadataKinds(file: string): Promise<string[]> {
  const meta = await sharp(file).metadata();
  return [meta.exif && 'EXIF', meta.xmp && 'XMP', meta.iptc && 'IPTC'].filter((kind): kind is string => Boolean(kind));
}

export default function imagePrivacy(): AstroIntegration {
  let publicDir = '';
  let assetsDir = '_astro';
  return {
    name: 'archive-image-privacy',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const routeFiles = [...assets.values()].flat().map((url) => fileURLToPath(url));
        const files = await builtImages(outDir, assetsDir, publicDir, routeFiles);
        const leaks: string[] = [];
        for (const file of files) {
          const kinds = await imageMetadataKinds(file);
          if (kinds.length > 0) leaks.push(`  ${path.relative(outDir, file)}：含 ${kinds.join('、')}`);
        }
        if (leaks.length > 0) {
          throw new Error(
            `发布的图片中仍有元数据（可能含 GPS 位置、相机序列号），构建已停止：\n${leaks.join('\n')}\n` +
              '  修改方法：照片请用 Markdown 或 cover 引用（构建会自动去除元数据），不要放进 public/；' +
              'public/ 里的图片请先去除元数据（例如 exiftool -all= 文件名）。',
          );
        }
        logger.info(`privacy: ${files.length} image(s) carry no metadata (${Math.round(performance.now() - started)}ms)`);
      },
    },
  };
}
