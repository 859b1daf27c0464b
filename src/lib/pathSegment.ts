/**
 * Turns a tag or reporter name into one URL path segment. Chinese names stay
 * Chinese (the browser shows them, the href carries them percent-encoded);
 * only characters that would break a path are replaced. A name is never
 * reduced to an empty segment.
 */

// Path separators, URL delimiters and whitespace; everything else stays as written.
const UNSAFE = /[\s/\\?#%&+<>"'`|^{}[\]:;@=,]+/gu;

/**
 * The path segment for a name, not yet percent-encoded (Astro writes the
 * folder as is): "梁奈" → "梁奈", "5G / 物联网" → "5G-物联网".
 * Purely numeric names get a leading "_" so they never collide with the
 * numbered pages of the index they are listed on (/tags/2/).
 */
export function pathSegment(name: string): string {
  const cleaned = name.normalize('NFC').trim().replace(UNSAFE, '-').replace(/^-+|-+$/g, '').replace(/^\.+$/, '');
  if (cleaned === '') {
    // Only separators and punctuation: spell the code points so the page still has an address.
    return `u${[...name.trim()].map((char) => char.codePointAt(0)!.toString(16)).join('-') || 'empty'}`;
  }
  return /^\d+$/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** The percent-encoded form used in an href: "梁奈" → "%E6%A2%81%E5%A5%88". */
export function encodedSegment(name: string): string {
  return encodeURIComponent(pathSegment(name));
}
