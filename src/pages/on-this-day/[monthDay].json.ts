/** /on-this-day/MM-DD.json: 往年今日 for one month-day, fetched by home's script for the reader's date. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getIssuesByMonthDay, type Issue } from '../../lib/articles.ts';
import { onThisDayData } from '../../lib/onThisDay.ts';

export const getStaticPaths = (async () =>
  [...(await getIssuesByMonthDay())].map(([monthDay, issues]) => ({ params: { monthDay }, props: { monthDay, issues } }))
) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { monthDay, issues } = props as { monthDay: string; issues: Issue[] };
  return new Response(JSON.stringify(onThisDayData(monthDay, issues)), { headers: { 'Content-Type': 'application/json' } });
};
