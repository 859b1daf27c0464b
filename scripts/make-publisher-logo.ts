/**
 * Draws public/publisher-logo.png, the publisher's logo in each article's
 * JSON-LD (src/lib/articleJsonLd.ts): the favicon's mark as a 512×512 PNG, as
 * Google asks for a raster logo of at least 112×112. Run again after changing
 * public/favicon.svg: `npx node scripts/make-publisher-logo.ts`.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { PUBLISHER_LOGO } from '../src/lib/articleJsonLd.ts';

const svg = readFileSync('public/favicon.svg');
// The favicon's viewBox is 32 units; this density draws it sharp at 512 px, not scaled up.
await sharp(svg, { density: (72 * PUBLISHER_LOGO.width) / 32 })
  .resize(PUBLISHER_LOGO.width, PUBLISHER_LOGO.height)
  .png({ compressionLevel: 9, palette: true })
  .toFile(`public${PUBLISHER_LOGO.path}`);
console.log(`public${PUBLISHER_LOGO.path} written`);
