// Installs the pre-commit hook (package.json, "simple-git-hooks") that checks the staged articles.
// Run by `npm ci`/`npm install` (the `prepare` script). Silent where there is no `.git`: a release
// tarball or a Docker context has no commits to check.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('.git')) {
  execFileSync(process.execPath, ['node_modules/simple-git-hooks/cli.js'], { stdio: 'ignore' });
}
