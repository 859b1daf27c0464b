/**
 * Reads a Netlify/Cloudflare-style `_headers` file so the test server can
 * send what a real static host would: a path pattern line, then indented
 * "Name: value" lines. `*` in a pattern matches any characters.
 */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!match || !rule) throw new Error(`_headers: cannot read line "${line}"`);
    rule.headers[match[1]!.trim()] = match[2]!.trim();
  }
  return rules;
}

/** The headers for one path (relative to the deployment root), later rules adding to earlier ones. */
export function headersFor(rules: HeaderRule[], sitePath: string): Record<string, string> {
  const matching = rules.filter(({ pattern }) => {
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return regex.test(sitePath);
  });
  return Object.assign({}, ...matching.map((rule) => rule.headers));
}
