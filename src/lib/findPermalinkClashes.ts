/**
 * Two files that would publish at the same address is an error that must name
 * both files; silently keeping one would lose an article.
 */
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

/** One readable message for all clashes (Chinese first, then English). */
export function describePermalinkClashes(clashes: readonly PermalinkClash[]): string {
  return clashes
    .map(
      ({ permalink, files }) =>
        `永久链接重复 / Duplicate permalink ${permalink}\n` +
        files.map((file) => `  - ${file}`).join('\n') +
        `\n  修改其中一个文件的文件名或日期 / Rename one of the files or change its date.`,
    )
    .join('\n\n');
}
