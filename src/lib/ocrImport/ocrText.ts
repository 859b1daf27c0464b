/**
 * Small facts about lines of OCR text from a printed Chinese newspaper page,
 * used to rebuild articles: where sentences end, which lines look like
 * headlines or captions, and how to join a line broken by the scan.
 */

/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[。！？!?…][”’」』）)》]*$/u;
/** Punctuation that never appears inside a headline line on this kind of page. */
const PROSE_PUNCTUATION = /[，。；：！？、,;!?]/u;
/** Captions printed beside photos and QR codes. */
const CAPTION = /扫一扫|扫码|看视频|图为|摄影|（?摄）?$|^图[:：]/u;

/** A Latin word (maybe with its punctuation) ends the line… */
const LATIN_END = /[A-Za-z][,.;:!?)'"]?$/;
/** …and another starts the next one. Letters and digits (C + 919) join without a space. */
const LATIN_START = /^[A-Za-z(]/;

export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

/** True for a line printed beside a photo or code, not part of any body. */
export function isCaption(line: string): boolean {
  return line.length <= 16 && CAPTION.test(line);
}

/** A short line without prose punctuation: a headline, subtitle or kicker line. */
export function isHeadlineLine(line: string): boolean {
  return line.length > 0 && line.length <= 30 && !PROSE_PUNCTUATION.test(line);
}

/**
 * Joins a line broken by the scan to the next one: Chinese needs no space,
 * but where two Latin words (or a word and a number) meet, one space is kept.
 * A hyphen at a line end joins the word halves without a space.
 * (Whether an OCR line-end hyphen was printed or inserted cannot be known; it is kept.)
 */
export function joinBrokenLine(previous: string, next: string): string {
  if (previous === '') return next;
  return LATIN_END.test(previous) && LATIN_START.test(next) ? `${previous} ${next}` : previous + next;
}

export interface Byline {
  /** e.g. 茂名晚报讯 */
  dateline?: string;
  reporters: string[];
  /** The text on the line after the byline (the body's first words). */
  rest: string;
}

const DATELINE = /^([\p{Script=Han}]{2,10}讯)[ \u3000]*/u;
const ROLE = /^(?:本报)?(?:记者|通讯员|实习生|见习记者|特约记者)[ \u3000]*/u;
const NAME = /^([\p{Script=Han}·]{2,4})(?:[ \u3000、]+|$)/u;

/**
 * Reads a dateline and byline at the start of a line ("茂名晚报讯 记者梁奈 2月24日…").
 * Names must be followed by a space, 、 or the line end, so body text that
 * merely starts with 记者 (记者了解到，…) is not taken for a byline.
 */
export function parseByline(line: string): Byline | undefined {
  let rest = line;
  const dateline = DATELINE.exec(rest);
  if (dateline) rest = rest.slice(dateline[0].length);
  const reporters: string[] = [];
  for (let role = ROLE.exec(rest); role; role = ROLE.exec(rest)) {
    let afterRole = rest.slice(role[0].length);
    const names: string[] = [];
    for (let name = NAME.exec(afterRole); name && !ROLE.test(afterRole); name = NAME.exec(afterRole)) {
      names.push(name[1]!);
      afterRole = afterRole.slice(name[0].length);
    }
    if (names.length === 0) break;
    reporters.push(...names);
    rest = afterRole;
  }
  if (!dateline && reporters.length === 0) return undefined;
  return { dateline: dateline?.[1], reporters, rest: rest.trim() };
}
