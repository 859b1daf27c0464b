/**
 * Large-archive behaviour on a small archive: the home page stays bounded
 * however many issues there are, and a rebuild reuses unchanged article
 * pages from Astro's incremental cache while changed and new ones render,
 * and makes the same site as a cold build of the same articles.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, TMP_ROOT } from '../support/buildSite.ts';

const contentDir = path.join(TMP_ROOT, 'incremental-content');
const day = (n: number) => `2022-03-${String(n).padStart(2, '0')}`;

function writeArticle(n: number, body: string): void {
  const folder = path.join(contentDir, day(n));
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `story-${n}.md`), `---\ntitle: 第${n}天的新闻\ndate: ${day(n)}\n---\n\n${body}\n`);
}

const build = (key = 'incremental') => {
  const result = runBuild({ key, contentDir, env: { ARCHIVE_BUILD_VERBOSE: '1' } });
  if (result.status !== 0) throw new Error(result.output);
  return result;
};

describe('a growing archive', () => {
  let firstHome: string;
  let second: ReturnType<typeof runBuild>;

  beforeAll(() => {
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(path.join(TMP_ROOT, 'incremental'), { recursive: true, force: true });
    for (let n = 1; n <= 20; n++) writeArticle(n, `三月${n}日的报道。`);
    // Both builds write to one folder: keep what the first one made of the home page.
    firstHome = readFileSync(path.join(build().outDir, 'index.html'), 'utf8');
    writeArticle(5, '三月5日的报道（已更正）。');
    writeArticle(21, '三月21日新增的报道。');
    second = build();
  }, 900_000);

  it('lists only the newest issue on the home page, not the whole archive', () => {
    const linked = new Set([...firstHome.matchAll(/href="\/2022\/03\/(\d\d)\/story-\d+\/"/g)].map((m) => m[1]));
    expect([...linked]).toEqual(['20']);
  });

  // Was broken while every build staged into a folder named after its process
  // id: Astro bakes outDir into astro:assets, which the article page imports
  // (scripts/build.ts), so no article page was ever restored.
  it('renders changed and new articles again and reuses the others', () => {
    // The page's text: a number and its unit are wrapped in a span (rehype-number-unit.ts).
    const page = (n: number) => readFileSync(path.join(second.outDir, `2022/03/${String(n).padStart(2, '0')}/story-${n}/index.html`), 'utf8').replace(/<[^>]+>/g, '');
    expect(page(5)).toContain('已更正');
    expect(page(21)).toContain('新增的报道');
    expect(page(6)).toContain('三月6日的报道');
    const line = (n: number) => second.output.split('\n').find((l) => l.includes(`/story-${n}/index.html`)) ?? '';
    expect(line(6)).toMatch(/\((cached|restored)\)/);
    expect(line(5)).not.toMatch(/\((cached|restored)\)/);
    expect(line(21)).not.toMatch(/\((cached|restored)\)/);
    const articleLines = second.output.split('\n').filter((l) => /\/story-\d+\/index\.html/.test(l));
    expect(articleLines.filter((l) => /\((cached|restored)\)/.test(l))).toHaveLength(19);
  });

  // A day's issue page and its 往年今日 file show only their props, so they are
  // reused too; at 20,000 articles these are about 2,000 pages a rebuild no
  // longer renders.
  it('reuses the pages of unchanged days and renders the changed ones', () => {
    const line = (file: string) => second.output.split('\n').find((l) => l.includes(` ${file} `)) ?? '';
    expect(line('/2022/03/06/index.html')).toMatch(/\((cached|restored)\)/);
    expect(line('/on-this-day/03-06.json')).toMatch(/\((cached|restored)\)/);
    // Day 5's article was edited; day 20 gained a later issue (day 21) to link to.
    for (const changed of ['/2022/03/05/index.html', '/2022/03/20/index.html', '/2022/03/21/index.html', '/on-this-day/03-05.json']) {
      expect(line(changed), changed).toMatch(/\(\+[\d.]+\s*m?s\)/);
    }
  });
});

/** Every file of a built site and its bytes, by path. */
function siteFiles(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), 'base64')]));
}

// A rebuild stages into the site it replaced, two builds old by then, and
// keeps Astro's unchanged pages there (src/build/stagingFolder.ts): a page
// of that older site, or of an article since deleted, must not survive.
describe('a rebuild after edits, additions and deletions', () => {
  it('makes, file for file, the site a cold build of the same articles makes', () => {
    rmSync(path.join(contentDir, day(3)), { recursive: true, force: true });
    writeArticle(7, '三月7日的报道（第二次更正）。');
    writeArticle(22, '三月22日新增的报道。');
    const third = build();
    rmSync(path.join(TMP_ROOT, 'incremental-cold'), { recursive: true, force: true });
    const cold = build('incremental-cold');
    const rebuilt = siteFiles(third.outDir);
    const expected = siteFiles(cold.outDir);
    expect([...rebuilt.keys()].sort()).toEqual([...expected.keys()].sort());
    const differing = [...expected].filter(([file, bytes]) => rebuilt.get(file) !== bytes).map(([file]) => file);
    expect(differing).toEqual([]);
    expect(third.output.split('\n').filter((l) => /\/story-\d+\/index\.html/.test(l) && /\(cached\)/.test(l)).length).toBeGreaterThan(15);
  });
});
