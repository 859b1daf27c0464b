/**
 * The W3C Nu HTML Checker (the `vnu-jar` package) over many files in one
 * Java process: starting the JVM costs seconds, checking a page milliseconds.
 * It needs Java 17+ on the PATH (.ci/run installs Debian's
 * default-jre-headless); without it the test fails and says so, it does not skip.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlPagePaths } from './pageWatch.ts';

const VNU_JAR = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Every error the checker reports for `files`, as "file:line:column message «extract»",
 * with file relative to `root`. Warnings and info messages are not errors.
 */
export function nuHtmlErrors(files: string[], root: string): string[] {
  const result = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw new Error(`The Nu HTML Checker needs Java 17 or newer on the PATH (Debian: apt-get install default-jre-headless): ${result.error.message}`);
  }
  // The JSON report goes to stderr; anything else there (a JVM crash) is not JSON.
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(result.stderr);
  } catch {
    throw new Error(`The Nu HTML Checker did not report (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  }
  return report.messages
    .filter((message) => message.type !== 'info')
    .map((message) => {
      const file = message.url ? path.relative(root, fileURLToPath(message.url)) : '(checker)';
      const where = `${file}:${message.lastLine ?? 0}:${message.firstColumn ?? 0}`;
      return `${where} ${message.message}${message.extract ? ` «${message.extract.trim()}»` : ''}`;
    });
}

/** Every HTML file of a built site, relative to it ("index.html", "tags/工会/2/index.html"). */
export function siteHtmlFiles(dist: string): string[] {
  return htmlPagePaths(dist).map((sitePath) => (sitePath.endsWith('.html') ? sitePath.slice(1) : `${sitePath.slice(1)}index.html`));
}
