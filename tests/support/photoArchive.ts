/**
 * The photo test archive: a photo feature with a 4,000 px cover, a phone
 * photo with GPS and EXIF orientation 6, a gallery and a photo smaller than
 * every published width; and a plain article with one photo and no cover.
 */
import path from 'node:path';
import sharp from 'sharp';
import { article, cameraJpeg, writeTree } from './photoFixtures.ts';
import { TMP_ROOT } from './buildSite.ts';

export const FEATURE_PATH = '/2024/05/01/shan-ding-yun-hai/';
export const PLAIN_PATH = '/2024/05/01/yu-hou/';

/** Original pixel sizes, as a reader sees them (orientation applied). */
export const ORIGINALS = {
  'cover-4000.jpg': { width: 4000, height: 2667 },
  'phone-gps.jpg': { width: 1500, height: 2000 },
  'gallery-a.png': { width: 1000, height: 750 },
  'gallery-b.webp': { width: 1000, height: 750 },
  'small-600.jpg': { width: 600, height: 400 },
} as const;

export async function writePhotoArchive(key: string): Promise<string> {
  const root = path.join(TMP_ROOT, `${key}-content`);
  const day = '2024/05-01';
  const gallery = (colour: string) => sharp({ create: { width: 1000, height: 750, channels: 3, background: colour } });
  return writeTree(root, {
    [`${day}/images/cover-4000.jpg`]: await cameraJpeg(4000, 2667),
    // Stored landscape 2000×1500, shown portrait 1500×2000 after orientation 6.
    [`${day}/images/phone-gps.jpg`]: await cameraJpeg(2000, 1500, { orientation: 6 }),
    [`${day}/images/gallery-a.png`]: await gallery('#0f766e').png().toBuffer(),
    [`${day}/images/gallery-b.webp`]: await gallery('#a16207').webp().toBuffer(),
    [`${day}/small-600.jpg`]: await cameraJpeg(600, 400),
    [`${day}/shan-ding-yun-hai.md`]: article(
      `
title: 山顶看云海
date: 2024-05-01
layout: photo
reporters: [李生]
cover:
  src: ./images/cover-4000.jpg
  alt: 浮山岭顶，云海漫过山脊
  caption: 清晨的浮山岭云海。
  credit: 李生
`,
      `
雨后初晴，十几名户外爱好者登上山顶观看云海。

![手机拍下的山顶](./images/phone-gps.jpg "手机拍下的山顶。摄影：王五")

远处的三官山云层久久不动。

![三官山云层](./images/gallery-a.png "三官山云层")

![茂名市区方向](./images/gallery-b.webp "茂名市区方向 摄影：赵六")

![小图](./small-600.jpg)
`,
    ),
    [`${day}/yu-hou.md`]: article(
      `
title: 雨后
date: 2024-05-01
`,
      `
雨后的街道，路牌 ![路牌](./images/gallery-a.png) 还在滴水。

![雨后街道](./images/phone-gps.jpg "雨后街道。摄影：王五")
`,
    ),
  });
}
