/**
 * Draws public/og-default.png, the 1200×630 social card for articles without a
 * cover (see src/lib/ogImage.ts). Run again after changing the wording:
 * `npx node scripts/make-og-default.ts` (needs the Noto CJK fonts).
 */
import sharp from 'sharp';
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#fbfaf7"/>
<rect x="0" y="0" width="1200" height="18" fill="#a4161a"/>
<rect x="80" y="430" width="1040" height="3" fill="#1d1d1f"/>
<text x="80" y="300" font-family="Noto Serif CJK SC" font-weight="bold" font-size="120" fill="#1d1d1f">茂名晚报</text>
<text x="84" y="390" font-family="Noto Serif CJK SC" font-size="56" fill="#a4161a">数字档案</text>
<text x="84" y="510" font-family="Noto Sans CJK SC" font-size="34" fill="#5a5a5f">按出版日期浏览 · 中文全文检索 · 离线阅读</text>
</svg>`;
await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile('public/og-default.png');
console.log('public/og-default.png written');
