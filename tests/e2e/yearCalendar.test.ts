/**
 * The year page is twelve month calendars for reading: numbered days, each
 * issue's day a link at least 24 × 24 px (WCAG 2.2 target size) whose article
 * count is in its accessible name and shows on hover and on focus; a list of
 * the year's issues when they are few.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { browserTestSite } from '../support/browser.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const site = browserTestSite(async () => serveStatic(await fixtureSite('reading')));

/** The tooltip text drawn by the link's ::after, or 'none'. */
const tooltip = (page: Page, selector: string) =>
  page.evaluate((s) => getComputedStyle(document.querySelector(s)!, '::after').content, selector);

// Each test opens its own page; most of a test is the browser waiting, so they run side by side.
describe.concurrent('the year page', () => {
  for (const width of [320, 390, 1280]) {
    it(`at ${width} px: twelve numbered months, every issue day a target of at least 24 × 24 px`, async () => {
      const page = await site.tabs.open({ width, height: 900 });
      await page.goto(site.server.url('/2022/'));
      expect(await page.locator('table.month-calendar').count()).toBe(12);
      // Every day of the year is numbered: 365 cells with a day number.
      expect(await page.locator('table.month-calendar td .day').count()).toBe(365);
      const sizes = await page.locator('table.month-calendar a[data-tip]').evaluateAll((links) =>
        links.map((link) => {
          const box = link.getBoundingClientRect();
          return { name: link.getAttribute('aria-label'), width: box.width, height: box.height };
        }),
      );
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) {
        expect(size.width, `${size.name} width`).toBeGreaterThanOrEqual(24);
        expect(size.height, `${size.name} height`).toBeGreaterThanOrEqual(24);
      }
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await page.close();
    });
  }

  it('an issue day says its article count in its name, on hover and on focus', async () => {
    const page = await site.tabs.open({ width: 1280, height: 900 });
    await page.goto(site.server.url('/2022/'));
    const link = page.locator('a[href$="/2022/02/24/"][data-tip]');
    const name = await link.getAttribute('aria-label');
    expect(name).toMatch(/^2月24日，\d+ 篇$/);
    // The visible label (the day number) starts the name, for voice control.
    expect((await link.textContent())?.trim()).toBe('24');
    const count = name!.match(/(\d+) 篇/)![1];
    const selector = 'a[href$="/2022/02/24/"][data-tip]';
    expect(await tooltip(page, selector)).toBe('none');
    await link.hover();
    expect(await tooltip(page, selector)).toBe(`"${count} 篇"`);
    await page.mouse.move(0, 0);
    expect(await tooltip(page, selector)).toBe('none');
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await tooltip(page, selector)).toBe(`"${count} 篇"`);
    await page.close();
  });

  it('a year with few issues lists them by date, oldest first', async () => {
    const page = await site.tabs.open();
    await page.goto(site.server.url('/2022/'));
    const listed = await page.locator('.issue-list li a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toContain('/2022/02/24/');
    await page.close();
  });
});
