/**
 * The source page, kept in the archive as that day's OCR text
 * (content/pages/2022/02-24/01.txt, see its 01.yml), and the three pieces as
 * the issue defines them: first and last words of each body. The expected body
 * is the source's text between them with the OCR's line breaks removed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_FILE = path.resolve('content/pages/2022/02-24/01.txt');

/** The whole page with every line break removed. */
export function seedTextWithoutBreaks(): string {
  return readFileSync(SEED_FILE, 'utf8').replace(/\r?\n/g, '');
}

export interface SeedPiece {
  file: string;
  permalink: string;
  title: string;
  first: string;
  last: string;
}

export const SEED_PIECES: SeedPiece[] = [
  {
    file: 'gonghui-shisiwu-guihua',
    permalink: '/2022/02/24/gonghui-shisiwu-guihua/',
    title: '茂名工运事业和工会工作“十四五”发展规划将出炉',
    first: '2月24日，茂名晚报记者从',
    last: '实名注册登记会员25万人。',
  },
  {
    file: 'shi-zong-gonghui-quanwei-huiyi',
    permalink: '/2022/02/24/shi-zong-gonghui-quanwei-huiyi/',
    title: '市总工会召开十三届三次全委（扩大）会议',
    first: '2月 24日上午，市总工会召开',
    last: '实现高质量发展。',
  },
  {
    file: 'fu-shan-ling-yun-hai',
    permalink: '/2022/02/24/fu-shan-ling-yun-hai/',
    title: '冷雨后转晴 浮山岭顶观云海',
    first: '冷雨后转晴',
    last: '冷并快乐着！',
  },
];

/** The expected body of a piece, as one string without paragraph breaks. */
export function expectedBody(piece: SeedPiece): string {
  const text = seedTextWithoutBreaks();
  const start = text.indexOf(piece.first);
  const end = text.indexOf(piece.last, start) + piece.last.length;
  if (start < 0 || end < start) throw new Error(`Seed piece ${piece.file} not found in the source`);
  return text.slice(start, end);
}
