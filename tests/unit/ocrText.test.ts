/** Line rules of the OCR importer: joining, bylines, headline and caption lines. */
import { describe, expect, it } from 'vitest';
import { endsSentence, isCaption, isHeadlineLine, joinBrokenLine, parseByline } from '../../src/lib/ocrImport/ocrText.ts';
import { splitPage } from '../../src/lib/ocrImport/splitPage.ts';

describe('joinBrokenLine', () => {
  it('joins Chinese with no space', () => expect(joinBrokenLine('由市总工', '会编制的')).toBe('由市总工会编制的'));
  it('joins a number and Chinese with no space', () => {
    expect(joinBrokenLine('新发展会员 3.5', '万人以上')).toBe('新发展会员 3.5万人以上');
    expect(joinBrokenLine('发明创造', '0.3万项')).toBe('发明创造0.3万项');
  });
  it('keeps one space where Latin words meet', () => {
    expect(joinBrokenLine('据 Xinhua News', 'Agency 报道')).toBe('据 Xinhua News Agency 报道');
    expect(joinBrokenLine('Hello,', 'world')).toBe('Hello, world');
    expect(joinBrokenLine('国产大飞机 C', '919')).toBe('国产大飞机 C919');
  });
  it('joins a hyphenated word without a space', () => expect(joinBrokenLine('inter-', 'national')).toBe('inter-national'));
});

describe('parseByline', () => {
  it('reads dateline, reporter and the first body words', () => {
    expect(parseByline('茂名晚报讯 记者梁奈 2月24日，茂名晚报记者从')).toEqual({
      dateline: '茂名晚报讯',
      reporters: ['梁奈'],
      rest: '2月24日，茂名晚报记者从',
    });
  });
  it('reads several reporters and roles', () => {
    expect(parseByline('本报讯 记者梁奈、王五 通讯员李四 昨日，')?.reporters).toEqual(['梁奈', '王五', '李四']);
  });
  it('does not take body text starting with 记者 for a byline', () => {
    expect(parseByline('记者了解到，今年全市')).toBeUndefined();
    expect(parseByline('茂名晚报记者从市总工会获悉')).toBeUndefined();
  });
});

describe('line kinds', () => {
  it('sentence ends, also before closing quotes', () => {
    expect(endsSentence('冷并快乐着！')).toBe(true);
    expect(endsSentence('他说：“好。”')).toBe(true);
    expect(endsSentence('这种天气容易出')).toBe(false);
  });
  it('headline and caption lines', () => {
    expect(isHeadlineLine('市总工会召开十三届')).toBe(true);
    expect(isHeadlineLine('冷雨后转晴，这种天气容易出')).toBe(false);
    expect(isCaption('扫一扫，看视频')).toBe(true);
  });
});

describe('splitPage', () => {
  it('a blank line mid-sentence (column break) is no paragraph break', () => {
    const page = splitPage('本报讯 记者梁奈 第一段的前半\n\n后半句。\n\n第二段。\n');
    expect(page.pieces[0]!.paragraphs).toEqual(['第一段的前半后半句。', '第二段。']);
  });
  it('a new byline starts a new article', () => {
    const page = splitPage('本报讯 记者甲乙 第一篇。\n本报讯 记者丙丁 第二篇。\n');
    expect(page.pieces.map((piece) => piece.reporters)).toEqual([['甲乙'], ['丙丁']]);
  });
});
