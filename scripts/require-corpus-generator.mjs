/**
 * Stops `npm run test:scale` with one sentence when the corpus generator it builds from is not
 * beside the project (a release tarball, a Docker context): it belongs to the development setup.
 */
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../../shared/corpus/generate.mjs', import.meta.url))) {
  console.error('test:scale needs the shared corpus generator at ../shared/corpus/generate.mjs (the development setup); it is not there, so there is nothing to scale-test.');
  process.exit(2);
}
