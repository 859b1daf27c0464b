/**
 * Writes one search-index shard in a process of its own: the second worker
 * of src/build/searchIndexProcess.ts (see buildSearchIndex's secondWorker).
 * Reads the shard's article files, newest first, as a JSON array on stdin.
 *
 *   node src/build/searchShardProcess.ts --content <folder> --out <folder> [--max-fragments N] < files.json
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleSource } from '../lib/articleSources-fs.ts';
import { writeSearchIndex } from '../lib/search/writeSearchIndex-fs.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' }, 'max-fragments': { type: 'string' } } });
if (!values.content || !values.out) {
  console.error('用法 / usage: node src/build/searchShardProcess.ts --content <folder> --out <folder> [--max-fragments N] < files.json');
  process.exit(2);
}
const contentDir = values.content;
const files = JSON.parse(readFileSync(0, 'utf8')) as string[];
const articles = files.map((file) => readArticleSource(file, readFileSync(path.join(contentDir, file))));
await writeSearchIndex(articles, values.out, values['max-fragments'] ? Number(values['max-fragments']) : undefined);
