/**
 * Camera-like photos made with sharp at test time, and Markdown articles that
 * use them, written into a temporary content folder. Nothing binary is
 * committed: the photos are generated fresh from these few lines.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** The camera serial number and place written into the fixture EXIF; must never be published. */
export const SECRET_SERIAL = 'SN-CAMERA-0042';
export const GPS = { latitude: 21.658, longitude: 110.919 };

/** Metadata a phone writes: make, model, serial number and GPS position. */
const cameraExif = {
  IFD0: { Make: 'TestCam', Model: 'Phone 12', Copyright: 'Fixture' },
  IFD2: { BodySerialNumber: SECRET_SERIAL, DateTimeOriginal: '2024:05:01 07:30:00' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 39/1 29/1', GPSLongitudeRef: 'E', GPSLongitude: '110/1 55/1 8/1' },
};

/**
 * A two-colour JPEG with camera EXIF: the top half red, the bottom half blue
 * as stored. With `orientation` 6 a viewer turns it 90° clockwise, so the
 * published photo must be portrait with red on the right.
 */
export async function cameraJpeg(width: number, height: number, options: { orientation?: number } = {}): Promise<Buffer> {
  const red = { create: { width, height: Math.round(height / 2), channels: 3, background: '#dc2626' } } as const;
  const pixels = await sharp({ create: { width, height, channels: 3, background: '#1d4ed8' } })
    .composite([{ input: red, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return sharp(pixels)
    .withMetadata({ orientation: options.orientation ?? 1 })
    .withExifMerge(cameraExif)
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Writes `files` (path → text or bytes) under `root`, replacing whatever was there. */
export function writeTree(root: string, files: Record<string, string | Buffer>): string {
  rmSync(root, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** Frontmatter + body of a test article. */
export function article(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body.trim()}\n`;
}
