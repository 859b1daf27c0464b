/**
 * 往年今日 ("this day in earlier years") as data. A static page cannot know
 * the reader's date, so the build writes one small JSON file per month-day
 * (/on-this-day/03-15.json) and a tiny module script on home fetches the
 * reader's day (src/components/onThisDayClient.ts). Home renders the same
 * data for the newest issue's day as its no-script fallback, labelled as such.
 * Labels are formatted here, at build time, so the browser needs no strings.
 */
import { formatChineseDate, issuePath } from './issueDate.ts';
import { PAGE_SIZE } from './paginate.ts';
import { strings } from './strings.ts';
import { withBase } from './urls.ts';

/** Headlines shown per earlier issue: its front page leads, the day page has the rest. */
export const HEADLINES_PER_ISSUE = 3;

export interface OnThisDayIssue {
  /** "2022-03-15": the browser drops issues of the reader's own year and later. */
  date: string;
  /** "2022年3月15日 · 4 篇" */
  label: string;
  href: string;
  articles: { title: string; href: string }[];
}

/** The content of /on-this-day/MM-DD.json. */
export interface OnThisDayData {
  /** "往年今日（3月15日）" */
  heading: string;
  /** Newest first; at most 50, like every list on the site. */
  issues: OnThisDayIssue[];
}

interface IssueLike {
  date: string;
  articles: { permalink: string; data: { title: string } }[];
}

/** The 往年今日 data of one month-day from its issues (newest first). */
export function onThisDayData(monthDay: string, issues: readonly IssueLike[]): OnThisDayData {
  const [month, day] = monthDay.split('-').map(Number);
  return {
    heading: strings.onThisDayHeading(`${month}月${day}日`),
    issues: issues.slice(0, PAGE_SIZE).map((issue) => ({
      date: issue.date,
      label: strings.onThisDayIssue(formatChineseDate(issue.date), issue.articles.length),
      href: withBase(issuePath(issue.date)),
      articles: issue.articles
        .slice(0, HEADLINES_PER_ISSUE)
        .map((article) => ({ title: article.data.title, href: withBase(article.permalink) })),
    })),
  };
}
