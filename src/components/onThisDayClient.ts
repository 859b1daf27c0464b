/**
 * 往年今日 for the reader's own date, in the browser. Home's server-rendered
 * section shows the newest issue's day (all a static page can know); this
 * swaps in the reader's day from /on-this-day/MM-DD.json, or hides the
 * section when no earlier year has an issue that day. Only types come from
 * src/lib, so the bundle stays a few hundred bytes.
 */
import type { OnThisDayData, OnThisDayIssue } from '../lib/onThisDay.ts';

/** "03-15" for a local date: the reader's own calendar day, wherever they are. */
export function monthDayOf(date: Date): string {
  return `${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The issues printed in years before `year`: "earlier years" is relative to the reader's year. */
export function earlierYears(data: OnThisDayData, year: number): OnThisDayIssue[] {
  return data.issues.filter((issue) => Number(issue.date.slice(0, 4)) < year);
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/** The same markup as OnThisDay.astro renders, built with textContent (never HTML from data). */
function issueItem(issue: OnThisDayIssue): HTMLLIElement {
  const item = document.createElement('li');
  const headlines = document.createElement('ul');
  headlines.append(...issue.articles.map((article) => {
    const li = document.createElement('li');
    li.append(link(article.href, article.title));
    return li;
  }));
  item.append(link(issue.href, issue.label), headlines);
  return item;
}

/** Shows 往年今日 for `today` in `section` (the element marked data-on-this-day). */
export async function showReaderDay(section: HTMLElement, today: Date): Promise<void> {
  const monthDay = monthDayOf(today);
  // data-days lists the month-days that have issues, so a day without any costs no request (and no 404).
  if (!(section.dataset.days ?? '').split(' ').includes(monthDay)) {
    section.hidden = true;
    return;
  }
  let data: OnThisDayData;
  try {
    const response = await fetch(`${section.dataset.src}${monthDay}.json`);
    if (!response.ok) return;
    data = await response.json();
  } catch {
    // Offline and not saved: the fallback, labelled with its own date, is still true.
    return;
  }
  const issues = earlierYears(data, today.getFullYear());
  if (issues.length === 0) {
    section.hidden = true;
    return;
  }
  section.querySelector('h2')!.textContent = data.heading;
  section.querySelector('[data-fallback-note]')?.remove();
  section.querySelector('ul')!.replaceChildren(...issues.map(issueItem));
  section.hidden = false;
}
