/**
 * src/offline/revision.ts for the build: the same SHA-256 prefix, computed
 * with Node's synchronous hash. The build hashes every file of the site
 * (43,000 at 20,000 articles); one Web Crypto call per file costs a
 * thread-pool round trip each, and reading them all before hashing held the
 * whole site in memory at once.
 */
import { createHash } from 'node:crypto';

export function fileRevision(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}
