import type { AstroUserConfig } from 'astro';
import { embedOrigins } from './embeds';

type CspOptions = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;
type CspDirectives = NonNullable<CspOptions['directives']>;

/**
 * The Content-Security-Policy directives Astro puts in every page's `<meta>` besides the
 * `script-src` and `style-src` hashes it computes itself. Article pages run no script and
 * frame only the allowed embed players. `frame-ancestors` cannot live in a `<meta>` policy:
 * it is in `public/_headers`.
 *
 * @example
 * contentSecurityPolicyDirectives().includes("object-src 'none'") // => true
 */
export function contentSecurityPolicyDirectives(): CspDirectives {
  return [
    "default-src 'self'",
    "img-src 'self' https: data:",
    "media-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${embedOrigins().join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/**
 * The Content-Security-Policy of the CMS at `/admin/`, which is not a page of the site: its
 * scripts are the CMS's modules and its page's import map (allowed by the hashes given), it sets
 * styles at run time, shows pictures it reads as `blob:` URLs, and talks to GitHub's API and the
 * sign-in worker only. The browser test opens it and sees no violation and no other origin.
 *
 * @example
 * adminContentSecurityPolicy('https://auth.example.workers.dev', ['sha256-…']).includes("'sha256-…'") // => true
 */
export function adminContentSecurityPolicy(authEndpoint: string, inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self' data: https://api.github.com ${new URL(authEndpoint).origin}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}
