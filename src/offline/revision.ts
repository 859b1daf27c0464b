/**
 * A file's revision: the start of its SHA-256, in hex. Computed at build time
 * for offline-manifest.json and in the service worker for cached copies, with
 * the same Web Crypto call, so the two always agree.
 */
export async function revisionOf(content: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', content));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
