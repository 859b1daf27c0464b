/**
 * An error made of content problems: its message is the check's own report
 * (file, line, field, fix) and it has no stack trace, because the fault is
 * in an article, not in the code, and Astro prints any stack it finds after
 * the message (issue 16: "no stack trace for any content error, ever").
 */
import { formatProblems } from './formatReport.ts';
import type { Problem } from './problem.ts';

export class ContentError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], heading = '文章有错误，已停止 / Content errors stopped the build:') {
    super(`${heading}\n\n${formatProblems(problems)}\n`);
    this.name = 'ContentError';
    this.problems = problems;
    // Astro prints "Stack trace:" for any error whose stack is set.
    this.stack = '';
  }
}
