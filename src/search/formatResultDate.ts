/** "2022-02-24" → "2022年2月24日" for result lines. */
export function formatResultDate(value: string | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : '';
}
