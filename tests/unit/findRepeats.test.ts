/** An imported draft that repeats an archived article (same day, same or nearly the same body) is found and named. */
import { describe, expect, it } from 'vitest';
import { bigrams, findRepeats, similarity } from '../../src/lib/ocrImport/findRepeats.ts';

const PLENARY =
  '2月 24日上午，市总工会召开市总工会十三届三次全委（扩大）会议，认真贯彻落实中央、省委全会及市第十二次党代会精神，总结回顾去年工会工作，部署今年工作任务。';
const CLOUDS = '冷雨后转晴，这种天气容易出现云海的壮观景象，我市喜欢观看云象的户外爱好者捕捉到了这一天气转变，纷纷登上高山，观看云海。';
const archive = [
  { file: 'content/articles/2022/02-24/plenary.md', date: '2022-02-24', text: PLENARY },
  { file: 'content/articles/2022/02-24/clouds.md', date: '2022-02-24', text: CLOUDS },
  { file: 'content/articles/2023/02-24/plenary-again.md', date: '2023-02-24', text: PLENARY },
];

describe('findRepeats', () => {
  it('names the archived article of the same day with the same body', () => {
    expect(findRepeats({ date: '2022-02-24', text: PLENARY }, archive)).toEqual([
      { file: 'content/articles/2022/02-24/plenary.md', containment: 1, jaccard: 1 },
    ]);
  });

  it('finds a nearly identical body: other spaces, line breaks and punctuation, a few characters lost', () => {
    const ocr = PLENARY.replace('2月 24日', '2月24日').replace('，认真', '\n认真').replace('。', '').replace('部署今年', '部署');
    const [repeat] = findRepeats({ date: '2022-02-24', text: ocr }, archive);
    expect(repeat?.file).toBe('content/articles/2022/02-24/plenary.md');
    expect(repeat!.containment).toBeGreaterThanOrEqual(0.95);
    expect(repeat!.jaccard).toBeLessThan(1);
  });

  it('finds a draft that is only part of an archived article (or holds one whole)', () => {
    expect(findRepeats({ date: '2022-02-24', text: PLENARY.slice(0, 40) }, archive)).toHaveLength(1);
    expect(findRepeats({ date: '2022-02-24', text: `${PLENARY}又讯：另有一段不相干的新增文字。` }, archive)).toHaveLength(1);
  });

  it('ignores other days and other articles of the same day', () => {
    expect(findRepeats({ date: '2022-02-25', text: PLENARY }, archive)).toEqual([]);
    const other = '茂名市区今天举行运动会，来自各县区的运动员参加了田径、游泳和篮球等项目的比赛，现场气氛热烈。';
    expect(findRepeats({ date: '2022-02-24', text: other }, archive)).toEqual([]);
  });

  it('measures similarity on letter and digit bigrams', () => {
    expect([...bigrams('云海，仍厚。')]).toEqual(['云海', '海仍', '仍厚']);
    expect(similarity(bigrams('云海仍厚'), bigrams('云海'))).toEqual({ containment: 1, jaccard: 1 / 3 });
    expect(similarity(bigrams(''), bigrams('云海'))).toEqual({ containment: 0, jaccard: 0 });
  });
});
