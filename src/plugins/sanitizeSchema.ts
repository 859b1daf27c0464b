/**
 * The allowlist for raw HTML in articles, owned by this project. Articles come
 * from editors, OCR and old exports; what is not listed here never reaches a
 * reader's browser. Based on hast-util-sanitize's GitHub-style default.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Heading ids are generated after sanitising; keep author ids unprefixed so
  // in-page links written by editors keep working.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
};
