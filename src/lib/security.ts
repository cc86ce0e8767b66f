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
