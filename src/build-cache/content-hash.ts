import { createHash } from 'node:crypto';

/**
 * A short, stable fingerprint of some values, for cache keys: the same values give the same
 * hash on every machine. Objects are hashed as JSON, so key order matters; an undefined value is
 * refused, since a key that silently leaves out an input would serve a stale page.
 *
 * @example
 * contentHash('a', 'b') === contentHash('a', 'b') // => true
 * contentHash('ab') === contentHash('a', 'b') // => false
 */
export function contentHash(...parts: readonly unknown[]): string {
  const hash = createHash('sha256');
  parts.forEach((part, position) => {
    if (part === undefined) throw new Error(`contentHash: input ${position} is undefined`);
    hash.update(part instanceof Uint8Array ? part : typeof part === 'string' ? part : JSON.stringify(part));
    hash.update('\0');
  });
  return hash.digest('base64url').slice(0, 32);
}
