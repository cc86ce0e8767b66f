import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function fingerprint(dist: string): Record<string, string> {
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((file) => statSync(join(dist, file)).isFile()).sort();
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dist, file)))
        .digest('hex'),
    ]),
  );
}

describe('reproducible builds', () => {
  it('gives the same bytes for the same content and clock, from a clean cache', () => {
    const first = fingerprint(join(root, inject('validBuild').dist));
    const second = fingerprint(join(root, inject('rebuild').dist));
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(second).toEqual(first);
  });
});
