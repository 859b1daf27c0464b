/**
 * Node flags for the build's processes (the build script, Astro, the search
 * index). Node 24 sizes V8's young generation from the machine's memory: on
 * a 24 GB machine each semi-space may grow to 32 MB or more, and a process
 * that parses thousands of small files keeps that garbage resident. Reading
 * the 20,000 frontmatters of the benchmark took 262 MB of RSS by default and
 * 143 MB with 4 MB semi-spaces, for the same 50 MB of live heap. Collections
 * of the young generation get more frequent but stay short.
 *
 * package.json's `build` script passes the same flags to scripts/build.ts.
 */
export const LEAN_NODE_FLAGS = ['--max-semi-space-size=4'];
