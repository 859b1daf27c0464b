/**
 * The Markdown pipeline, in one place so that astro.config.mjs and the plugin
 * fixture tests run exactly the same plugins in the same order.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeRawWhenPresent from './rehype-raw-when-present.ts';
import rehypeSanitize from 'rehype-sanitize';
import remarkCjkLinebreak from './remark-cjk-linebreak.ts';
import rehypeImageAltFallback from './rehype-image-alt-fallback.ts';
import rehypePhotoFigure from './rehype-photo-figure.ts';
import rehypePhotoGallery from './rehype-photo-gallery.ts';
import rehypeOcrSpaces from './rehype-ocr-spaces.ts';
import rehypeNumberUnit from './rehype-number-unit.ts';
import rehypeSearchText from './rehype-search-text.ts';
import rehypeHeadlinePhrases from './rehype-headline-phrases.ts';
import { sanitizeSchema } from './sanitizeSchema.ts';
import { strings } from '../lib/strings.ts';

export const markdownOptions: UnifiedProcessorOptions = {
  gfm: true,
  // SmartyPants would turn straight quotes into curly ones: an archive keeps
  // the characters the source has.
  smartypants: false,
  remarkPlugins: [remarkCjkFriendly, remarkCjkLinebreak],
  // Footnotes are labelled for Chinese readers, not with remark-rehype's English defaults.
  remarkRehype: {
    footnoteLabel: strings.footnotesHeading,
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      strings.footnoteBack(referenceIndex + 1) + (rereferenceIndex > 1 ? `（${rereferenceIndex}）` : ''),
  },
  // Astro parses raw HTML only after user plugins; parse it first so the
  // sanitiser sees real elements instead of opaque raw strings.
  // Photos are wrapped after sanitising: the figure markup is ours, not the author's.
  // Typesetting comes after the photos (docs/typography.md): OCR spaces go
  // before numbers are held to their units. The search text is taken last,
  // from the finished tree: a plugin that changes the page's text goes before
  // it, and search follows. The headline's phrases are cut here too, once
  // per content change (rehype-headline-phrases.ts).
  rehypePlugins: [
    rehypeRawWhenPresent,
    [rehypeSanitize, sanitizeSchema],
    rehypeImageAltFallback,
    rehypePhotoFigure,
    rehypePhotoGallery,
    rehypeOcrSpaces,
    rehypeNumberUnit,
    rehypeHeadlinePhrases,
    rehypeSearchText,
  ],
};
