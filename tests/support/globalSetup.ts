/**
 * Global setup of the projects that read built sites (build, e2e, slow).
 * It builds nothing itself: it names this run, so that each fixture site is
 * built once per run by the first test file that reads it and then shared
 * by every other file, in every worker and every project
 * (tests/support/fixtureSites.ts).
 */
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this test run: the same in every project of one `vitest run`. */
    buildRun: string;
  }
}

export default function setup(project: TestProject) {
  // Every project's global setup runs in the one main process, so its pid
  // and start time name the run; a later run gets another name and rebuilds.
  project.provide('buildRun', `${process.pid}-${Math.round(performance.timeOrigin)}`);
}
