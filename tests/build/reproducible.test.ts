import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fingerprint, projectRoot } from './astro-build';

describe('reproducible builds', () => {
  it('gives the same bytes for the same content and clock, from a clean cache', () => {
    const first = fingerprint(join(projectRoot, inject('validBuild').dist));
    const second = fingerprint(join(projectRoot, inject('rebuild').dist));
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(second).toEqual(first);
  });
});
