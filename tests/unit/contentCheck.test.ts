/**
 * Every error and warning `check:content` knows, with its exact message
 * (file, line and column, Chinese, English, how to fix it). The inline
 * snapshots are the wording editors see; change them deliberately.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { checkArticle } from '../../src/lib/contentCheck/checkArticle.ts';
import { formatProblems } from '../../src/lib/contentCheck/formatReport.ts';

const FILE = 'content/articles/2022/02-24/test.md';

function check(source: string | Uint8Array, existing: string[] = []) {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  return checkArticle(bytes, {
    file: FILE,
    absolutePath: '/archive/content/articles/2022/02-24/test.md',
    exists: (file) => existing.includes(file),
    today: '2026-11-25',
  }).problems;
}

const show = (source: string | Uint8Array, existing?: string[]) => formatProblems(check(source, existing));
/** Errors only, for inputs whose warnings are not the point of the test. */
const showErrors = (source: string, existing?: string[]) =>
  formatProblems(check(source, existing).filter((item) => item.severity === 'error'));

const GOOD = '---\ntitle: 冷雨后转晴 浮山岭顶观云海\ndate: 2022-02-24\n---\n\n冷雨后转晴，这种天气容易出现云海的壮观景象。\n';

describe('accepted silently', () => {
  it('a valid article', () => expect(check(GOOD)).toEqual([]));
  it('a UTF-8 BOM and CRLF line endings', () => {
    expect(check(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}`)).toEqual([]);
  });
  it('a full-width colon inside a value', () => {
    expect(check(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\nsummary: 他说：好')).filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('errors', () => {
  it('YAML syntax error with line and column', () => {
    expect(show('---\ntitle: "冷雨后转晴\ndate: 2022-02-24\n---\n\n正文。\n')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 2 行，第 8 列 · line 2, column 8 · 错误 error [yaml-syntax]
          问题：frontmatter 的 YAML 写法有误：缺少配对的符号（引号或括号没有闭合）。
          Problem: YAML syntax error in the frontmatter: Missing closing "quote
          修改：对照指南检查这一行：每行写成“字段: 值”，冒号为半角且后面有空格；缩进只用空格；含冒号或引号的值整体加引号。
          Fix: Check this line: each line is "key: value" with a half-width colon and a space; indent with spaces only; quote values that contain colons or quotes."
    `);
  });

  it('full-width colon after a key gets its own hint', () => {
    expect(show(GOOD.replace('title: ', 'title：'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 2 行，第 6 列 · line 2, column 6 · 错误 error [yaml-fullwidth-colon]
          问题：“title”后面是全角冒号“：”，YAML 只认半角冒号“:”。
          Problem: The key "title" is followed by a full-width colon "："; YAML needs a half-width colon ":".
          修改：把“title：”改成“title: ”（半角冒号，后面加一个空格）。输入时可先切换到英文标点。
          Fix: Change "title：" to "title: " (half-width colon followed by a space)."
    `);
  });

  it('unclosed frontmatter', () => {
    expect(show('---\ntitle: 标题\ndate: 2022-02-24\n\n正文。\n')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 1 行，第 1 列 · line 1, column 1 · 错误 error [frontmatter-unclosed]
          问题：frontmatter 没有结束：开头有 ---，后面却没有另一行 --- 把它关上。
          Problem: The frontmatter is not closed: the opening --- has no closing --- line.
          修改：在最后一个字段的下一行单独写 ---，再空一行开始写正文。
          Fix: Put a line with just --- after the last field, then a blank line, then the body."
    `);
  });

  it('empty frontmatter', () => {
    expect(show('---\n---\n\n正文。\n')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 1 行，第 1 列 · line 1, column 1 · 错误 error [frontmatter-empty]
          问题：frontmatter 是空的：两行 --- 之间没有字段。
          Problem: The frontmatter is empty: there are no fields between the --- lines.
          修改：至少写上标题和日期：
                ---
                title: 标题
                date: 2022-02-24
                ---
          Fix: Write at least a title and a date:
               ---
               title: 标题
               date: 2022-02-24
               ---"
    `);
  });

  it('no frontmatter at all', () => {
    expect(show('冷雨后转晴，这种天气容易出现云海的壮观景象。\n')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 1 行，第 1 列 · line 1, column 1 · 错误 error [frontmatter-missing]
          问题：文件开头没有 frontmatter（用 --- 包起来的标题、日期等字段）。
          Problem: The file does not start with frontmatter (the fields between two --- lines).
          修改：在文件最前面加上：
                ---
                title: 标题
                date: 2022-02-24
                ---
          Fix: Start the file with:
               ---
               title: 标题
               date: 2022-02-24
               ---"
    `);
  });

  it('missing title', () => {
    expect(show(GOOD.replace('title: 冷雨后转晴 浮山岭顶观云海\n', ''))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 1 行，第 1 列 · line 1, column 1 · 错误 error [missing-field]
          问题：缺少必填字段 标题（title）。
          Problem: The required field "title" is missing.
          修改：在 frontmatter 里加一行：title: 冷雨后转晴 浮山岭顶观云海
          Fix: Add a line to the frontmatter: title: 冷雨后转晴 浮山岭顶观云海"
    `);
  });

  it('missing date', () => {
    expect(show(GOOD.replace('date: 2022-02-24\n', ''))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 1 行，第 1 列 · line 1, column 1 · 错误 error [missing-field]
          问题：缺少必填字段 出版日期（date）。
          Problem: The required field "date" is missing.
          修改：在 frontmatter 里加一行：date: 2022-02-24
          Fix: Add a line to the frontmatter: date: 2022-02-24"
    `);
  });

  it('impossible date', () => {
    expect(show(GOOD.replace('2022-02-24', '2022-02-30'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 3 行，第 7 列 · line 3, column 7 · 错误 error [impossible-date]
          问题：出版日期（date）是“2022-02-30”，日历上没有这一天。
          Problem: "date" is 2022-02-30, which is not a real calendar day.
          修改：核对原版面上的日期，写成存在的日期，例如 date: 2022-02-24。
          Fix: Check the printed date and write a real day, e.g. date: 2022-02-24."
    `);
  });

  it('date in the wrong form', () => {
    expect(show(GOOD.replace('2022-02-24', '2022/2/24'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 3 行，第 7 列 · line 3, column 7 · 错误 error [bad-date-format]
          问题：出版日期（date）是“2022/2/24”，应为 YYYY-MM-DD 格式。
          Problem: "date" is 2022/2/24; expected the form YYYY-MM-DD.
          修改：写成“年-月-日”，月和日都用两位数，例如 date: 2022-02-24。
          Fix: Write year-month-day with two-digit month and day, e.g. date: 2022-02-24."
    `);
  });

  it('a list field written as text', () => {
    expect(show(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\nreporters: 梁奈'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 4 行，第 12 列 · line 4, column 12 · 错误 error [wrong-type]
          问题：记者（reporters）应为列表（例如 [甲, 乙]），现在是文字 “梁奈”。
          Problem: "reporters" should be a list (e.g. [a, b]); found text "梁奈".
          修改：照这个样子写：reporters: [梁奈]
          Fix: Write it like this: reporters: [梁奈]"
    `);
  });

  it('a place on the page (order) that is not a whole number from 1', () => {
    expect(show(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\norder: 0'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 4 行，第 8 列 · line 4, column 8 · 错误 error [not-a-count]
          问题：版内顺序（order）是 0，应为从 1 起的整数。
          Problem: "order" is 0; expected a whole number from 1.
          修改：写成 1、2、3……，例如 order: 1
          Fix: Write 1, 2, 3…, e.g. order: 1"
    `);
    expect(show(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\norder: 1.5'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 4 行，第 8 列 · line 4, column 8 · 错误 error [not-a-count]
          问题：版内顺序（order）是 1.5，应为从 1 起的整数。
          Problem: "order" is 1.5; expected a whole number from 1.
          修改：写成 1、2、3……，例如 order: 1
          Fix: Write 1, 2, 3…, e.g. order: 1"
    `);
    expect(show(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\norder: 头条'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 4 行，第 8 列 · line 4, column 8 · 错误 error [wrong-type]
          问题：版内顺序（order）应为数字，现在是文字 “头条”。
          Problem: "order" should be a number; found text "头条".
          修改：照这个样子写：order: 1
          Fix: Write it like this: order: 1"
    `);
  });

  it('file saved as GBK', () => {
    expect(show(iconv.encode(GOOD, 'gbk'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 2 行，第 8 列 · line 2, column 8 · 错误 error [not-utf8]
          问题：文件不是 UTF-8 编码，看起来是 GB18030（GBK）。
          Problem: The file is not UTF-8; it looks like GB18030 (GBK).
          修改：运行 npm run check:content -- --fix-encoding 自动转为 UTF-8（原文件先备份为 .bak），或在编辑器里“另存为 UTF-8”。
          Fix: Run npm run check:content -- --fix-encoding to convert it to UTF-8 (the original is kept as .bak), or save it as UTF-8 in your editor."
    `);
  });

  it('empty body', () => {
    expect(show('---\ntitle: 标题\ndate: 2022-02-24\n---\n\n<!-- 正文写在这里 -->\n')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 5 行，第 1 列 · line 5, column 1 · 错误 error [empty-body]
          问题：正文是空的。
          Problem: The article body is empty.
          修改：在 frontmatter 结尾的 --- 下面空一行，写入正文。
          Fix: Write the body below the closing --- line, after a blank line."
    `);
  });

  it('an empty body in a draft is only a warning', () => {
    expect(check('---\ntitle: 标题\ndate: 2022-02-24\ndraft: true\n---\n').map((p) => [p.code, p.severity])).toEqual([
      ['empty-body', 'warning'],
    ]);
  });

  it('missing image file, in the body and as cover', () => {
    const source = GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\ncover:\n  src: ./cover.jpg\n  alt: 云海') + '\n![云海](./yun-hai.jpg)\n\n![在](./here.jpg)\n';
    expect(showErrors(source, ['/archive/content/articles/2022/02-24/here.jpg'])).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 5 行，第 8 列 · line 5, column 8 · 错误 error [missing-image]
          问题：找不到图片文件 ./cover.jpg。
          Problem: The image file ./cover.jpg does not exist.
          修改：把图片放在文章旁边的这个位置，或改正路径（注意大小写和扩展名）。
          Fix: Put the image at that path next to the article, or correct the path (mind case and extension).

        第 11 行，第 7 列 · line 11, column 7 · 错误 error [missing-image]
          问题：找不到图片文件 ./yun-hai.jpg。
          Problem: The image file ./yun-hai.jpg does not exist.
          修改：把图片放在文章旁边的这个位置，或改正路径（注意大小写和扩展名）。
          Fix: Put the image at that path next to the article, or correct the path (mind case and extension)."
    `);
  });

  // The same images Astro imports: code is shown as written, and a reference-style image is one too.
  it('a missing image written reference-style, but none inside code', () => {
    const body = '\n```\n![示例](./in-fence.jpg)\n```\n\n`![行内](./inline.jpg)`\n\n![云海][yunhai]\n\n[yunhai]: ./yun-hai.jpg "云海"\n';
    expect(check(GOOD + body).map((p) => [p.code, p.line, p.column])).toEqual([['missing-image', 16, 11]]);
  });

  // Issue 16: a cover without alt crashed the check with a TypeError in describeValue.
  it('a cover without alt names the field and the fix', () => {
    const source = GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\ncover:\n  src: ./cover.jpg');
    expect(showErrors(source, ['/archive/content/articles/2022/02-24/cover.jpg'])).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 5 行，第 3 列 · line 5, column 3 · 错误 error [missing-field]
          问题：缺少必填的 题图（cover）的 alt（图片的文字描述）。
          Problem: The required "cover.alt" is missing.
          修改：照这个样子写：cover: { src: ./cover.jpg, alt: 图片说明 }
          Fix: Write it like this: cover: { src: ./cover.jpg, alt: 图片说明 }"
    `);
  });

  it('a cover written as a bare path, and a cover part of the wrong type', () => {
    expect(showErrors(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\ncover: ./cover.jpg'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 4 行，第 8 列 · line 4, column 8 · 错误 error [wrong-type]
          问题：题图（cover）应为“字段: 值”的组合，现在是文字 “./cover.jpg”。
          Problem: "cover" should be a group of "key: value" lines; found text "./cover.jpg".
          修改：照这个样子写：cover: { src: ./cover.jpg, alt: 图片说明 }
          Fix: Write it like this: cover: { src: ./cover.jpg, alt: 图片说明 }"
    `);
    expect(showErrors(GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\ncover:\n  src: ./cover.jpg\n  alt: [1, 2]'), ['/archive/content/articles/2022/02-24/cover.jpg'])).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 6 行，第 8 列 · line 6, column 8 · 错误 error [wrong-type]
          问题：题图（cover）的 alt（图片的文字描述）应为文字，现在是列表（例如 [甲, 乙]） [1,2]。
          Problem: "cover.alt" should be text; found a list (e.g. [a, b]) [1,2].
          修改：照这个样子写：cover: { src: ./cover.jpg, alt: 图片说明 }
          Fix: Write it like this: cover: { src: ./cover.jpg, alt: 图片说明 }"
    `);
  });
});

describe('warnings', () => {
  it('a missing image in raw HTML (old exports, sanitised) is only a warning', () => {
    expect(check(`${GOOD}\n<img src="old.png" alt="旧图">\n`).map((p) => [p.code, p.severity, p.line, p.column])).toEqual([
      ['missing-image', 'warning', 8, 11],
    ]);
  });

  it('unknown field with a "did you mean" suggestion', () => {
    expect(show(GOOD.replace('title:', 'titel:').replace('date: 2022-02-24', 'title: 标题\ndate: 2022-02-24\n记者: [梁奈]\nfoo: 1'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 2 行，第 1 列 · line 2, column 1 · 警告 warning [unknown-field]
          问题：不认识的字段“titel”，是不是想写 标题（title）？
          Problem: Unknown field "titel". Did you mean "title"?
          修改：把“titel”改成“title”。
          Fix: Rename "titel" to "title".

        第 5 行，第 1 列 · line 5, column 1 · 警告 warning [unknown-field]
          问题：不认识的字段“记者”，是不是想写 记者（reporters）？
          Problem: Unknown field "记者". Did you mean "reporters"?
          修改：把“记者”改成“reporters”。
          Fix: Rename "记者" to "reporters".

        第 6 行，第 1 列 · line 6, column 1 · 警告 warning [unknown-field]
          问题：不认识的字段“foo”，它会被忽略。
          Problem: Unknown field "foo"; it will be ignored.
          修改：检查拼写；如果确实需要这个新字段，请开发人员把它加进 src/lib/articleSchema.ts。
          Fix: Check the spelling; if the archive needs this field, ask a developer to add it to src/lib/articleSchema.ts."
    `);
  });

  it('date in the future', () => {
    expect(show(GOOD.replace('2022-02-24', '2030-01-01'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 3 行，第 1 列 · line 3, column 1 · 警告 warning [future-date]
          问题：日期 2030-01-01 还没到（今天是 2026-11-25）。
          Problem: The date 2030-01-01 is in the future (today is 2026-11-25).
          修改：核对出版日期：档案里的文章不会晚于今天。
          Fix: Check the issue date: archived articles cannot be from the future."
    `);
  });
});

describe('a name or tag listed twice', () => {
  const source = GOOD.replace('date: 2022-02-24', 'date: 2022-02-24\nreporters: [梁奈, 李明, 梁奈]\ntags:\n  - 云海\n  - 云海 ');

  it('is a warning at the repeated entry', () => {
    expect(show(source)).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 4 行，第 21 列 · line 4, column 21 · 警告 warning [repeated-item]
          问题：记者（reporters）里“梁奈”出现了两次。
          Problem: "梁奈" is listed twice in reporters.
          修改：删去重复的一项（网站上只显示一次）。
          Fix: Delete the repeated entry (the site shows it once).

        第 7 行，第 5 列 · line 7, column 5 · 警告 warning [repeated-item]
          问题：标签（tags）里“云海”出现了两次。
          Problem: "云海" is listed twice in tags.
          修改：删去重复的一项（网站上只显示一次）。
          Fix: Delete the repeated entry (the site shows it once)."
    `);
  });

  it('is kept once in the article\'s data', () => {
    const data = articleSchema.parse(parseYaml(source.split('---')[1]!));
    expect(data.reporters).toEqual(['梁奈', '李明']);
    expect(data.tags).toEqual(['云海']);
  });
});

describe('proofreading warnings never change the text', () => {
  const body = (text: string) => show(`---\ntitle: 标题\ndate: 2022-02-24\n---\n\n${text}\n`);

  it('unmatched brackets and quotes', () => {
    expect(body('会议（扩大会议。他说：“好。《规划》】')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 6 行，第 3 列 · line 6, column 3 · 警告 warning [unmatched-bracket]
          问题：“（”后面没有与之配对的“）”。
          Problem: "（" is never closed by "）".
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed.

        第 6 行，第 12 列 · line 6, column 12 · 警告 warning [unmatched-bracket]
          问题：““”后面没有与之配对的“””。
          Problem: "“" is never closed by "”".
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed.

        第 6 行，第 19 列 · line 6, column 19 · 警告 warning [unmatched-bracket]
          问题：“】”前面没有与之配对的“【”。
          Problem: "】" has no matching "【" before it.
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed."
    `);
  });

  it('half-width punctuation between Chinese characters', () => {
    expect(body('冷雨后转晴,这种天气容易出现云海;真的吗?')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 6 行，第 6 列 · line 6, column 6 · 警告 warning [half-width-punctuation]
          问题：汉字之间用了半角标点“,”，中文应为全角“，”。
          Problem: Half-width "," between Chinese characters; Chinese text uses the full-width "，".
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed.

        第 6 行，第 17 列 · line 6, column 17 · 警告 warning [half-width-punctuation]
          问题：汉字之间用了半角标点“;”，中文应为全角“；”。
          Problem: Half-width ";" between Chinese characters; Chinese text uses the full-width "；".
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed."
    `);
  });

  it('a space between two Chinese characters', () => {
    expect(body('冷雨后 转晴，记者 梁奈 2月 24日')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 6 行，第 4 列 · line 6, column 4 · 警告 warning [space-between-han]
          问题：两个汉字之间有空格。
          Problem: A space between two Chinese characters.
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed.

        第 6 行，第 10 列 · line 6, column 10 · 警告 warning [space-between-han]
          问题：两个汉字之间有空格。
          Problem: A space between two Chinese characters.
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed."
    `);
  });

  it('mixed full-width and half-width digits in one number', () => {
    expect(body('到２0２5年底，共１２项，共12项')).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/test.md
        第 6 行，第 2 列 · line 6, column 2 · 警告 warning [mixed-width-digits]
          问题：数字“２0２5”里全角和半角数字混用。
          Problem: The number "２0２5" mixes full-width and half-width digits.
          修改：这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。
          Fix: This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor's note if needed."
    `);
  });

  it('ignores code, link targets and Latin text', () => {
    expect(check(`---\ntitle: 标题\ndate: 2022-02-24\n---\n\n见[链接](https://例子.中国/a,b) 和 \`代码,代码\`，Hello, world.\n`)).toEqual([]);
  });
});
