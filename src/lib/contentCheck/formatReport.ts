/**
 * How `check:content`, the build and the dev overlay print problems: one
 * block per file, each problem with its line and column, the problem in
 * Chinese and English, and how to fix it. Same text everywhere.
 */
import type { ContentReport } from './checkContent-fs.ts';
import type { Problem } from './problem.ts';

const SEVERITY = { error: '错误 error', warning: '警告 warning' } as const;

function indent(text: string, prefix: string): string {
  return text.split('\n').join(`\n${prefix}`);
}

/** One problem: location line, then the message and the fix in both languages. */
export function formatProblem(item: Problem): string {
  return [
    `  第 ${item.line} 行，第 ${item.column} 列 · line ${item.line}, column ${item.column} · ${SEVERITY[item.severity]} [${item.code}]`,
    `    问题：${indent(item.message.zh, '          ')}`,
    `    Problem: ${indent(item.message.en, '             ')}`,
    `    修改：${indent(item.fix.zh, '          ')}`,
    `    Fix: ${indent(item.fix.en, '         ')}`,
  ].join('\n');
}

/** Blocks for the given problems, one per file, in file order. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = Map.groupBy(problems, (item) => item.file);
  return [...byFile]
    .map(([file, items]) => `${file}\n${items.map(formatProblem).join('\n\n')}`)
    .join('\n\n');
}

/** The closing summary line. */
export function formatSummary(report: ContentReport): string {
  const errors = report.problems.filter((item) => item.severity === 'error').length;
  const warnings = report.problems.length - errors;
  return `检查了 ${report.files} 篇文章：${errors} 个错误，${warnings} 个警告。 / Checked ${report.files} articles: ${errors} error(s), ${warnings} warning(s).`;
}

/** The line for warnings left out of a report because their articles did not change since the last build. */
export function formatUnchangedWarnings(count: number): string {
  return `另有 ${count} 个警告出自上次构建以来未改动的文章，此处不再列出；运行 npm run check:content 可查看全部。 / ${count} more warning(s) are in articles unchanged since the last build and are not repeated here: npm run check:content lists them all.`;
}

/** Machine-readable output for `--json`. */
export function reportToJson(report: ContentReport): string {
  const errors = report.problems.filter((item) => item.severity === 'error').length;
  return JSON.stringify({ files: report.files, errors, warnings: report.problems.length - errors, problems: report.problems }, null, 2);
}
