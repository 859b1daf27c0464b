/**
 * The one article reader: an article file's bytes in, its frontmatter, body,
 * positions and problems out. The content check (contentCheck/checkArticle.ts),
 * the Astro content loader (articleLoader-fs.ts) and the search index's
 * sources (articleSources-fs.ts) all call it, so a file that one of them
 * accepts is read the same way by the others: a BOM, CRLF endings, blank
 * lines before the opening `---` and spaces after a fence are all accepted
 * alike (docs/architecture.md).
 *
 * Pure: no file system, no Astro. Node and the browser can both run it.
 */
import type { Document } from 'yaml';
import type { ArticleSourceData } from './articleSchema.ts';
import { decodeArticle } from './contentCheck/decodeArticle.ts';
import { encodingProblem, frontmatterProblem } from './contentCheck/readProblems.ts';
import { parseFrontmatter } from './contentCheck/parseFrontmatter.ts';
import { hasErrors, type Position, type Problem } from './contentCheck/problem.ts';
import { validateFrontmatter } from './contentCheck/schemaMessages.ts';
import { splitFrontmatter } from './contentCheck/splitFrontmatter.ts';

export interface ArticleReading {
  /** The path given by the caller, used in every problem. */
  file: string;
  /**
   * The frontmatter as written (YAML parsed, not yet validated); undefined
   * when the file is not UTF-8 or has no readable frontmatter. The Astro
   * loader validates this with Astro's `image()` for the cover.
   */
  frontmatter?: Record<string, unknown>;
  /** Validated frontmatter (cover.src is the path string); undefined when any error was found. */
  data?: ArticleSourceData;
  /** The Markdown after the closing `---`, with LF line endings; '' when unreadable. */
  body: string;
  /** 1-based file line of the body's first line (a BOM does not count). */
  bodyLine: number;
  /** 1-based file line of the YAML's first line. */
  yamlLine: number;
  /** The parsed YAML with source ranges, for checks that point at a value. */
  doc?: Document;
  /** File position of an offset inside the YAML text. */
  positionOf: (offset: number) => Position;
  /** What stops this file from being published, in the check's wording. Empty when `data` is set. */
  problems: Problem[];
}

const TOP: Position = { line: 1, column: 1 };

function unreadable(file: string, problems: Problem[], frontmatter?: Record<string, unknown>): ArticleReading {
  return { file, frontmatter, body: '', bodyLine: 1, yamlLine: 1, positionOf: () => TOP, problems };
}

/**
 * Reads one article. `file` is how the article is named in problems (the
 * check uses the path from the project root, the index the path inside the
 * content folder).
 */
export function readArticle(bytes: Uint8Array, file: string): ArticleReading {
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return unreadable(file, [encodingProblem(file, decoded)]);

  const split = splitFrontmatter(decoded.text);
  if (split.kind !== 'ok') {
    const at = split.kind === 'empty' ? { line: split.line, column: 1 } : TOP;
    return unreadable(file, [frontmatterProblem(file, split.kind, at)]);
  }

  const parsed = parseFrontmatter(file, split.yaml, split.yamlLine);
  const base = { file, body: split.body, bodyLine: split.bodyLine, yamlLine: split.yamlLine };
  if (!parsed.ok) return { ...base, positionOf: () => TOP, problems: parsed.problems };

  const { data: frontmatter, doc, positionOf } = parsed.value;
  const validated = validateFrontmatter(file, frontmatter, doc, positionOf, { line: split.yamlLine - 1, column: 1 });
  return {
    ...base,
    frontmatter,
    data: hasErrors(validated.problems) ? undefined : validated.data,
    doc,
    positionOf,
    problems: validated.problems,
  };
}
