import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** What an editors' command did: its exit code and what it printed on each stream. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the editors' commands (`scripts/<name>.ts`) as `npm run` does, with the project's
 * Node and its TypeScript resolution, from `cwd` (the project by default), with more settings in `env`.
 *
 * @example
 * runEditorCommand('check-articles', ['--json'], { env: { FOAIA_CONTENT_DIR: folder } }).code // => 0
 */
export function runEditorCommand(
  script: string,
  args: readonly string[],
  { cwd = projectRoot, env = {} as Record<string, string> } = {},
): CommandResult {
  const result = spawnSync(process.execPath, commandLine(script, args), { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const commandLine = (script: string, args: readonly string[]) => [
  '--import',
  join(projectRoot, 'scripts/ts-resolve.mjs'),
  join(projectRoot, `scripts/${script}.ts`),
  ...args,
];

/**
 * The same, without blocking the test's process: for a command that talks to a server the test
 * itself runs (the S3 deploy and its test server).
 *
 * @example
 * (await runEditorCommandAsync('deploy', ['--target', 's3'], { env })).code // => 0
 */
export function runEditorCommandAsync(
  script: string,
  args: readonly string[],
  { cwd = projectRoot, env = {} as Record<string, string> } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, commandLine(script, args), { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
