/** At 390 px (a phone), no page scrolls sideways. */
import { expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { browserTestSite } from '../support/browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const PAGES = {
  home: '/',
  article: '/2022/02/24/gonghui-shisiwu-guihua/',
  photoFeature: '/2022/02/24/fu-shan-ling-yun-hai/',
  search: '/search/?q=%E4%BA%91%E6%B5%B7',
  notFound: '/no-such-page/',
};

const site = browserTestSite(async () => serveStatic(await fixtureSite('seed')));

for (const [name, sitePath] of Object.entries(PAGES)) {
  it.concurrent(`${name} fits a 390 px wide screen`, async () => {
    const page = await site.tabs.open({ width: 390, height: 844 });
    await page.goto(site.server.url(sitePath));
    await page.waitForLoadState('networkidle');
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    await saveScreenshot(page, `${name}-390`);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.close();
  });
}

it('the search page at 390 px has one search box, the filters folded into one control under the count', async () => {
  const page = await site.tabs.open({ width: 390, height: 844 });
  await page.goto(site.server.url(PAGES.search));
  await page.waitForSelector('[data-search-result]');
  expect(await page.locator('input[type="search"]:visible').count()).toBe(1);
  const layout = await page.evaluate(() => {
    const controls = document.querySelector<HTMLDetailsElement>('[data-search-controls]')!;
    const status = document.querySelector('[data-search-status]')!;
    return {
      open: controls.open,
      underCount: status.getBoundingClientRect().bottom <= controls.getBoundingClientRect().top,
      visibleSelects: [...document.querySelectorAll('select')].filter((s) => s.checkVisibility()).length,
      firstResultTop: document.querySelector('[data-search-result]')!.getBoundingClientRect().top,
    };
  });
  expect(layout).toMatchObject({ open: false, underCount: true, visibleSelects: 0 });
  // The first result is on the first screen, well above the fold of an 844 px phone.
  expect(layout.firstResultTop).toBeLessThan(500);
  // Opening the fold shows the sort and the four filters, which still belong to the search form.
  await page.click('[data-search-controls] summary');
  expect(await page.locator('select:visible').count()).toBe(5);
  expect(await page.evaluate(() => document.querySelector<HTMLFormElement>('[data-search-form]')!.elements.namedItem('year') !== null)).toBe(true);
  await page.close();
});
