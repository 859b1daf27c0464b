/**
 * The post-build metadata scan stops a build that would publish an image with
 * EXIF/GPS, even one that bypasses the photo pipeline (dropped into public/).
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { builtImages, imageMetadataKinds } from '../../src/integrations/imagePrivacy.ts';
import { TMP_ROOT } from '../support/buildSite.ts';
import { cameraJpeg, writeTree } from '../support/photoFixtures.ts';
import sharp from 'sharp';

it('reports EXIF on a camera photo and nothing on a stripped copy', async () => {
  const camera = await cameraJpeg(300, 200, { orientation: 6 });
  const root = writeTree(path.join(TMP_ROOT, 'privacy-scan'), {
    'camera.jpg': camera,
    'clean.webp': await sharp(camera).rotate().webp().toBuffer(),
  });
  expect(await imageMetadataKinds(path.join(root, 'camera.jpg'))).toContain('EXIF');
  expect(await imageMetadataKinds(path.join(root, 'clean.webp'))).toEqual([]);
});

it('finds the images a build can write without walking every page folder', async () => {
  const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } }).png().toBuffer();
  const root = writeTree(path.join(TMP_ROOT, 'privacy-candidates'), {
    'public/logo.png': png,
    'public/2022/scan.jpg': png,
    'public/robots.txt': 'x',
    'dist/logo.png': png,
    'dist/2022/scan.jpg': png,
    'dist/_astro/photo.abc.webp': png,
    'dist/_astro/app.js': 'x',
    'dist/2022/02/24/story/index.html': '<p>',
    'dist/2022/02/24/story/card.png': png,
  });
  const dist = path.join(root, 'dist');
  const found = await builtImages(dist, '_astro', path.join(root, 'public'), [path.join(dist, '2022/02/24/story/index.html'), path.join(dist, '2022/02/24/story/card.png')]);
  expect(found.map((file) => path.relative(dist, file))).toEqual(['2022/02/24/story/card.png', '2022/scan.jpg', '_astro/photo.abc.webp', 'logo.png']);
});
