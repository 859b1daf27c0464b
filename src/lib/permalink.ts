/**
 * An article's permanent address: /YYYY/MM/DD/<file name without .md>/.
 * This is a public contract: links and citations in the wild depend on it.
 */
import { issuePath } from './issueDate.ts';

/** The file name without folders or the .md/.markdown extension. */
export function slugFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(md|markdown)$/i, '');
}

/** "/2022/02/24/fu-shan-ling-yun-hai/" */
export function articlePermalink(date: string, file: string): string {
  return `${issuePath(date)}${slugFromFile(file)}/`;
}
