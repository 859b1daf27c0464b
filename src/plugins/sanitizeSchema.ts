/**
 * The allowlist for raw HTML in articles, owned by this project. Articles come
 * from editors, OCR and old exports; what is not listed here never reaches a
 * reader's browser. It is written out in full (not spread from
 * hast-util-sanitize's GitHub default) so that every allowed tag, attribute
 * and URL scheme is a decision someone can read; docs/security.md
 * explains each one.
 */
import type { Schema } from 'hast-util-sanitize';

/** Screen-reader labels, used by GFM footnotes and useful in tables and lists. */
const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];

export const sanitizeSchema: Schema = {
  tagNames: [
    // Text structure.
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'div', 'span', 'section',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary',
    // Inline text: old exports mark proper names with <u>, OCR keeps <ruby> readings.
    'a', 'em', 'strong', 'b', 'i', 'u', 's', 'strike', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
    'q', 'cite', 'abbr', 'time', 'code', 'kbd', 'samp', 'var', 'tt', 'ruby', 'rt', 'rp',
    // Tables (statistics, timetables) and figures (photos with captions).
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'figure', 'figcaption', 'img',
    // GFM task lists render disabled checkboxes; `required` below pins them.
    'input',
  ],
  attributes: {
    '*': ['id', 'title', 'lang', 'dir'],
    a: [...aria, 'href', 'hrefLang', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    ol: [...aria, 'start', 'reversed', ['className', 'contains-task-list']],
    ul: [...aria, ['className', 'contains-task-list']],
    li: ['value', ['className', 'task-list-item']],
    dl: aria,
    details: ['open'],
    table: aria,
    col: ['span'],
    colgroup: ['span'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    td: ['colSpan', 'rowSpan', 'headers'],
    code: [['className', /^language-./]],
    // GFM footnotes: <section data-footnotes class="footnotes"><h2 class="sr-only">.
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: [['className', 'sr-only']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  // A URL with a scheme must use one of these; relative URLs (no scheme) are
  // kept. Everything else (javascript:, vbscript:, data:, file:, …) is dropped.
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['https'],
    cite: ['http', 'https'],
  },
  // Table parts only make sense inside a table, and checkboxes only inside a
  // task-list item; elsewhere they are unwrapped (a form's password field
  // must not turn into a stray checkbox).
  ancestors: {
    input: ['li'],
    caption: ['table'], colgroup: ['table'], col: ['table'], thead: ['table'], tbody: ['table'],
    tfoot: ['table'], tr: ['table'], th: ['table'], td: ['table'],
  },
  // Unknown elements are unwrapped (their text stays); these are removed with
  // everything inside, because their content is code or widgets, not text.
  strip: [
    'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript',
    'template', 'svg', 'math', 'textarea', 'select', 'button',
  ],
  // Heading ids are generated after sanitising; keep author ids unprefixed so
  // in-page links written by editors keep working.
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};
