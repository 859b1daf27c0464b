/**
 * The post-build metadata scan stops a build that would publish an image with
 * EXIF/GPS, even one that bypasses the photo pipeline (dropped into public/).
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { imageMetadataKinds } from '../../src/integrations/imagePrivacy.ts';
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
