/**
 * `npm run new`: asks for the date, headline, reporters and section, writes
 * a ready article file, and prints its path and future permalink. The file
 * name defaults to the headline's pinyin (浮山岭云海 → fu-shan-ling-yun-hai).
 *
 * Every question has a flag, for scripts:
 *   npm run new -- --date 2022-02-24 --title 浮山岭云海 --reporters 梁奈,王创 --section 城事
 * Other options: --slug <name>, --dateline 茂名晚报讯, --publish (no `draft: true`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { Document, isSeq } from 'yaml';
import { localToday } from '../src/lib/contentCheck/checkContent-fs.ts';
import { parseIssueDate } from '../src/lib/issueDate.ts';
import { articlePermalink } from '../src/lib/permalink.ts';
import { slugFromTitle } from '../src/lib/slugFromTitle.ts';
import { issueFolder, uniqueArticlePath, usedSlugs } from '../src/lib/uniqueArticlePath-fs.ts';

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

// Imported here so a bad setting (e.g. BASE_PATH) prints its message, not a stack trace.
const { siteConfig } = await import('../src/config.ts').catch((error: Error) => stop(error.message));
const { absoluteUrl } = await import('../src/lib/urls.ts');

const { values } = parseArgs({
  options: {
    date: { type: 'string' },
    title: { type: 'string' },
    reporters: { type: 'string' },
    section: { type: 'string' },
    dateline: { type: 'string' },
    slug: { type: 'string' },
    publish: { type: 'boolean', default: false },
  },
});

// Questions are asked only for what the flags left out. Lines are read through
// the async iterator, which buffers them, so piped answers are not lost.
const rl = createInterface({ input: process.stdin, terminal: false });
const lines = rl[Symbol.asyncIterator]();

async function ask(question: string, fallback = ''): Promise<string> {
  process.stdout.write(fallback ? `${question} [${fallback}]：` : `${question}：`);
  const next = await lines.next();
  if (next.done) stop(`\n缺少输入：${question} / Missing input. 也可以用参数提供，例如 --date 2022-02-24 --title 标题。`);
  return String(next.value).trim() || fallback;
}

/** Reporters typed as 梁奈、王创 or 梁奈,王创 or 梁奈 王创. */
const splitNames = (text: string) => text.split(/[、,，\s]+/u).filter(Boolean);

async function main() {
  let date = values.date ?? (await ask('出版日期 Date (YYYY-MM-DD)', localToday()));
  while (!parseIssueDate(date)) {
    if (values.date !== undefined) stop(`日期 ${date} 不存在或格式不对，应为 YYYY-MM-DD，例如 2022-02-24。 / Not a real YYYY-MM-DD date.`);
    date = await ask(`“${date}”不是有效日期，请按 YYYY-MM-DD 重新输入`, localToday());
  }
  let title = values.title?.trim() ?? (await ask('标题 Headline'));
  while (title === '') {
    if (values.title !== undefined) stop('标题不能为空。 / The headline cannot be empty.');
    title = await ask('标题不能为空，请输入标题 Headline');
  }
  const reporters = splitNames(values.reporters ?? (values.title === undefined ? await ask('记者 Reporters（多人用顿号分隔，可留空）') : ''));
  const section = values.section ?? (values.title === undefined ? await ask('版面 Section（可留空）') : '');
  const suggested = slugFromTitle(title);
  let slug = values.slug ?? (values.title === undefined ? await ask('文件名（网址的最后一段） File name', suggested) : suggested);
  while (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    if (values.slug !== undefined || values.title !== undefined) stop(`文件名“${slug}”只能用小写字母、数字和连字符。 / Use lower-case letters, digits and hyphens.`);
    slug = await ask('文件名只能用小写字母、数字和连字符，请重新输入', suggested);
  }
  rl.close();

  const folder = issueFolder(siteConfig.contentDir, date);
  const used = usedSlugs(siteConfig.contentDir);
  if (values.slug !== undefined && used.has(slug)) stop(`已有文章使用文件名 ${slug}，请换一个 --slug。 / The file name ${slug} is taken.`);
  const file = uniqueArticlePath(folder, slug, used);

  const doc = new Document({
    title,
    date,
    ...(values.dateline ? { dateline: values.dateline } : {}),
    ...(reporters.length > 0 ? { reporters } : {}),
    ...(section ? { section } : {}),
    ...(values.publish ? {} : { draft: true }),
  });
  const list = doc.get('reporters', true);
  if (isSeq(list)) list.flow = true;
  const body = values.publish
    ? '<!-- 在这里写正文，段落之间空一行。 -->'
    : '<!-- 在这里写正文，段落之间空一行。写好并核对后，删除上面的 draft: true 即可发布。 -->';
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${body}\n`);

  const permalink = articlePermalink(date, file);
  console.log(`已创建 / Created: ${path.relative(process.cwd(), file)}`);
  console.log(`发布后的网址 / Permalink: ${absoluteUrl(permalink)}`);
  if (!values.publish) console.log('这是草稿（draft: true）：npm run dev 里可以预览，正式构建不会收录。 / Draft: shown in npm run dev only.');
}

await main();
