/** /on-this-day/MM-DD.json: 往年今日 for one month-day, fetched by home's script for the reader's date. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getIssuesByMonthDay, type Issue } from '../../lib/articles.ts';
import { onThisDayData } from '../../lib/onThisDay.ts';
import { pageCacheKey } from '../../lib/pageCacheKey.ts';

export const getStaticPaths = (async () =>
  [...(await getIssuesByMonthDay())].map(([monthDay, issues]) => {
    const props = { monthDay, issues };
    // Reused by incremental builds while its props are unchanged (src/lib/pageCacheKey.ts).
    return { params: { monthDay }, props, cacheKey: pageCacheKey(props) };
  })
) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { monthDay, issues } = props as { monthDay: string; issues: Issue[] };
  return new Response(JSON.stringify(onThisDayData(monthDay, issues)), { headers: { 'Content-Type': 'application/json' } });
};
