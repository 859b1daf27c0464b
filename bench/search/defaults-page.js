// Benchmark baseline: main's search module before issue #3, against an index
// that Pagefind built with its defaults from the site's HTML.
const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
const pagefind = await import('/pagefind-default/pagefind.js');
await pagefind.options({ baseUrl: '/' });
const { results } = await pagefind.search(query);
const first = await Promise.all(results.slice(0, 10).map((result) => result.data()));
const list = document.querySelector('[data-search-results]');
for (const data of first) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.setAttribute('data-search-result', '');
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
  list.append(item);
}
document.querySelector('[data-search-count]').setAttribute('data-search-count', String(results.length));
