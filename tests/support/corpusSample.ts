/**
 * The corpus sample that ships with the tests: 8 days of the 新闻联播
 * transcripts (tests/fixtures/corpus-sample, MIT, see its SOURCE.md), so no
 * test needs a corpus beside the repository.
 */
import path from 'node:path';

export const CORPUS_SAMPLE = path.resolve('tests/fixtures/corpus-sample/news');
