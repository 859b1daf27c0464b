/**
 * How an editor writes a photo's caption and credit in Markdown: in the
 * image's title, the caption first and the credit after 摄影：
 *
 *   ![浮山岭顶的云海](./images/yunhai.jpg "旭日下的浮山岭云海。摄影：李生")
 *
 * gives the caption “旭日下的浮山岭云海。” and the credit “李生”. Either part
 * may be left out; a half-width colon (摄影:) works too.
 */

export interface PhotoCaption {
  caption?: string;
  credit?: string;
}

const CREDIT = /\s*摄影\s*[：:]\s*/u;

/** Splits an image title into caption and photographer. */
export function parsePhotoTitle(title: string | undefined): PhotoCaption {
  const text = title?.trim() ?? '';
  if (!text) return {};
  const match = CREDIT.exec(text);
  if (!match) return { caption: text };
  const caption = text.slice(0, match.index).trim();
  const credit = text.slice(match.index + match[0].length).trim();
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

/** The credit line as printed: 摄影：李生 */
export const formatCredit = (name: string) => `摄影：${name}`;
