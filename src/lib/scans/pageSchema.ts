/**
 * The metadata file of one printed page (content/pages/YYYY/MM-DD/NN.yml).
 * The format for editors is in docs/printed-pages.md.
 */
import { z } from 'astro/zod';

const text = z.string().trim().min(1);
const fileName = text.regex(/^[^\\/]+$/, '只写文件名，文件放在本文件所在的文件夹里');
const pixels = z.number().int().positive();

export const pageFields = {
  /** 版次: the printed page number; must match the file name (01.yml → 1). */
  page: z.number().int().positive(),
  /** 版面名, e.g. 要闻. */
  section: text.optional(),
  /** Where the scan (or the text) came from: who scanned what, from which copy. Required. */
  source: text,
  /** The scan image beside this file, e.g. 01.jpg. */
  scan: fileName.optional(),
  /** The page's OCR text beside this file, e.g. 01.txt, shown beside the scan. */
  ocr: fileName.optional(),
  /**
   * No scan survives: the build draws a reconstruction of this size from the
   * articles' text in their regions, labelled 示意版面，非原版扫描 everywhere.
   */
  reconstruction: z.strictObject({ width: pixels, height: pixels }).optional(),
  /** Publish the full-size scan for download too (off: only the tiles and crops are published). */
  publishScan: z.boolean().default(false),
};

export const pageSchema = z.strictObject(pageFields).refine((page) => !(page.scan && page.reconstruction), {
  message: '有扫描件时不要再写 reconstruction（示意版面只用于没有扫描件的版面）',
  path: ['reconstruction'],
});

export type PageData = z.output<typeof pageSchema>;
