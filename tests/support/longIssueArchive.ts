/**
 * The long-issue test archive: 57 articles on 2024-05-01 over eight 版面,
 * one of them a file named 2.md, whose permalink /2024/05/01/2/ must stay its
 * own; one article the day before, and 51 on the newest day, 2024-05-02.
 * Real archives have such days: special issues, election days.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TMP_ROOT } from './buildSite.ts';

export function writeLongIssueArchive(key: string): string {
  const root = path.join(TMP_ROOT, `${key}-content`);
  const write = (date: string, name: string, page: number, title: string) => {
    const folder = path.join(root, date.slice(0, 4), date.slice(5));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, `${name}.md`),
      `---\ntitle: ${title}\ndate: ${date}\npage: ${page}\nsection: 第${page}版栏目\nreporters: [梁奈]\n---\n\n${title}的正文。\n`,
    );
  };
  rmSync(root, { recursive: true, force: true });
  write('2024-04-30', 'qian-yi-tian', 1, '前一天的新闻');
  for (let i = 1; i <= 51; i++) write('2024-05-02', `b${String(i).padStart(2, '0')}`, 1, `次日第${i}篇`);
  // 57 articles, seven or eight to a 版面: the 50th falls inside 版面 7.
  for (let i = 1; i <= 57; i++) write('2024-05-01', i === 2 ? '2' : `a${String(i).padStart(2, '0')}`, Math.ceil(i / 8), `特刊第${i}篇`);
  return root;
}
