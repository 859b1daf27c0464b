/**
 * Two files that would publish at the same address is an error that must name
 * both files; silently keeping one would lose an article. The one permalink
 * check: check:content reports its problems before a build, and
 * src/lib/articles.ts throws them for a site built without the check.
 */
import { problem, type Problem } from './contentCheck/problem.ts';

export interface PermalinkOwner {
  file: string;
  permalink: string;
}

export interface PermalinkClash {
  permalink: string;
  files: string[];
}

export function findPermalinkClashes(owners: readonly PermalinkOwner[]): PermalinkClash[] {
  const byPermalink = new Map<string, string[]>();
  for (const { file, permalink } of owners) {
    byPermalink.set(permalink, [...(byPermalink.get(permalink) ?? []), file]);
  }
  return [...byPermalink]
    .filter(([, files]) => files.length > 1)
    .map(([permalink, files]) => ({ permalink, files: files.sort() }));
}

/** One problem per file of each clash, naming the other files. */
export function permalinkClashProblems(clashes: readonly PermalinkClash[]): Problem[] {
  return clashes.flatMap(({ permalink, files }) =>
    files.map((file) => {
      const others = files.filter((other) => other !== file).join('、');
      return problem(
        file,
        { line: 1, column: 1 },
        'error',
        'duplicate-permalink',
        {
          zh: `永久链接 ${permalink} 重复：${others} 也发布在这个地址。`,
          en: `Duplicate permalink ${permalink}: ${others} is published at the same address.`,
        },
        {
          zh: '改其中一篇的文件名（文件名就是网址的最后一段），或核对两篇的日期。',
          en: 'Rename one of the files (the file name is the last part of the address), or check both dates.',
        },
      );
    }),
  );
}
