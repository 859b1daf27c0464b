/**
 * Files in the built folder that a static host may read but never serves to
 * readers. The service worker must not precache them and the offline page
 * must not save them: one 404 there used to fail the worker's whole install
 * (docs/offline.md, "What hosts serve").
 */

/**
 * Why a built file is not served everywhere, or undefined when every host
 * serves it. `file` is a path inside the built folder with forward slashes.
 */
export function hostOnlyReason(file: string): string | undefined {
  const segments = file.split('/');
  // Netlify and Cloudflare Pages read _headers, _redirects (and Cloudflare
  // _routes.json, _worker.js) and answer 404 for them; Jekyll on GitHub Pages
  // drops every name starting with "_". Astro's own _astro/ folder is the
  // exception every host must serve, or no page would have its CSS.
  const top = segments[0]!;
  if (top.startsWith('_') && !(top === '_astro' && segments.length > 1)) {
    return '主机配置文件（Netlify、Cloudflare Pages 只读取、不提供下载）';
  }
  // .htaccess, .nojekyll, .well-known/…: astro preview (sirv) and many hosts refuse dotfiles.
  if (segments.some((segment) => segment.startsWith('.'))) return '以点开头的隐藏文件（许多主机不提供下载）';
  // CNAME and the like: astro preview, with trailingSlash 'always', answers 404 for any
  // path that has neither an extension nor a trailing slash.
  if (!segments.at(-1)!.includes('.')) return '没有扩展名的文件（astro preview 等主机不提供下载）';
  return undefined;
}
