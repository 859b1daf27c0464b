/**
 * Finds the frontmatter block (between two `---` lines at the top of the file)
 * and the body after it. CRLF line endings are accepted as they are.
 */

export type Split =
  | {
      kind: 'ok';
      /** The YAML between the fences. */
      yaml: string;
      /** 1-based file line of the YAML's first line (the line after `---`). */
      yamlLine: number;
      body: string;
      /** 1-based file line where the body starts. */
      bodyLine: number;
    }
  /** The file does not start with `---`. */
  | { kind: 'missing' }
  /** `---` opens a block that no later `---` closes. */
  | { kind: 'unclosed' }
  /** The fences hold nothing but blank lines or comments. */
  | { kind: 'empty'; line: number };

const FENCE = /^---[ \t]*$/;

export function splitFrontmatter(text: string): Split {
  const lines = text.split(/\r?\n/);
  // Astro also accepts blank lines before the opening fence.
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length || !FENCE.test(lines[open]!)) return { kind: 'missing' };
  const close = lines.findIndex((line, index) => index > open && FENCE.test(line));
  if (close < 0) return { kind: 'unclosed' };
  const yamlLines = lines.slice(open + 1, close);
  if (yamlLines.every((line) => line.trim() === '' || line.trim().startsWith('#'))) {
    return { kind: 'empty', line: open + 1 };
  }
  // Keep the file's own line endings inside the YAML so offsets stay true.
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    kind: 'ok',
    yaml: yamlLines.join(newline),
    yamlLine: open + 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}
