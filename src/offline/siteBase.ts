/** The site's base path in the browser ("/" or "/archive/"), as Astro built the pages. */
export const siteBase: string = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;
