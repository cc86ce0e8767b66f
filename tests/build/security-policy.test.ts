import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedOrigins } from '../../src/lib/embeds';
import { distFile, htmlPaths, page } from './dist';

/** A Content-Security-Policy as directive → sources. */
function policy(path: string): Map<string, string[]> {
  const content = page(path)('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** `public/_headers` as path pattern → header lines. */
function headerRules(): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of readFileSync(distFile('/_headers'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) rules.set(line.trim(), (current = []));
    else current?.push(line.trim());
  }
  return rules;
}

describe('Content-Security-Policy', () => {
  it('is on every page, frames only the embed players and runs no inline script but hashed ones', () => {
    for (const path of htmlPaths()) {
      const directives = policy(path);
      expect(directives.get('frame-src'), path).toEqual(embedOrigins());
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(
        directives
          .get('script-src')
          ?.every((source) => source === "'self'" || source.startsWith("'sha256-") || source === "'wasm-unsafe-eval'"),
        path,
      ).toBe(true);
      expect(directives.get('script-src')?.includes("'wasm-unsafe-eval'"), path).toBe(path === '/cautare/');
    }
  });
});

describe('public/_headers', () => {
  const rules = headerRules();

  it('sets what a <meta> policy cannot, on every path', () => {
    expect(rules.get('/*')).toEqual(
      expect.arrayContaining([
        "Content-Security-Policy: frame-ancestors 'self'",
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: strict-origin-when-cross-origin',
        expect.stringMatching(/^Strict-Transport-Security: max-age=\d{8,}/),
        expect.stringMatching(/^Permissions-Policy: /),
      ]),
    );
  });

  it('caches the hashed assets for a year, immutably', () => {
    expect(rules.get('/_astro/*')).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
  });
});
