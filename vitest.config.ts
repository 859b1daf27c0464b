/**
 * Four test projects (docs/contributing.md, "Tests"):
 * - unit: no build, no browser, no command spawned; `npm run test:unit`
 *   runs it in seconds (tests/unit, tests/plugins).
 * - build: reads built sites and runs the commands (tests/build,
 *   tests/scripts, tests/security without a browser); each fixture site is
 *   built once per run and shared (tests/support/fixtureSites.ts).
 * - e2e: drives the built sites in Chromium, one browser for the run.
 * - slow: the two benchmark-sized tests (1,000 articles saved offline, search
 *   exactness on the corpus sample); `npm test` runs them too.
 * Global setups belong to the projects that need them, so a unit run pays
 * for no build and no browser.
 */
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Browser tests outside tests/e2e/: the security checks that load pages in Chromium. */
const BROWSER_SECURITY = ['pagesUnderPolicy', 'hostileContent', 'unicodeContent'].map((name) => `tests/security/${name}.test.ts`);
const SLOW = ['tests/e2e/offlineSaveArchive.test.ts', 'tests/e2e/searchExactness.test.ts'];
const BUILD_RUN = 'tests/support/globalSetup.ts';
const BROWSER = 'tests/support/browserSetup.ts';

/** Heavier projects start first, so that the longest files do not start last and leave one worker idle. */
const PROJECT_ORDER = ['slow', 'e2e', 'build', 'unit'];

class HeavierProjectsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => PROJECT_ORDER.indexOf(file.project.name);
    // Array sort is stable: within a project, Vitest's own order (longest last run first) stays.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // Builds and browsers are heavy; two cores run two files at a time.
    maxWorkers: 2,
    // What a browser test polls for (a worker's report, a script's result)
    // can take seconds on a loaded two-core machine; 1 s (the default) flakes.
    expect: { poll: { timeout: 15_000 } },
    sequence: { sequencer: HeavierProjectsFirst },
    testTimeout: 120_000,
    hookTimeout: 600_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/plugins/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/security/*.test.ts'],
          exclude: BROWSER_SECURITY,
          globalSetup: [BUILD_RUN],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', ...BROWSER_SECURITY],
          exclude: SLOW,
          globalSetup: [BUILD_RUN, BROWSER],
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          globalSetup: [BUILD_RUN, BROWSER],
        },
      },
    ],
  },
});
